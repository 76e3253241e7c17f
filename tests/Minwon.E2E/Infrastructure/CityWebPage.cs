using System.Net;
using System.Text;

namespace Minwon.E2E.Infrastructure;

/// <summary>
/// A stand-in for the city's web site, served for real on another loopback origin: Chromium refuses to load the
/// embed script from loopback into a page that did not itself come from a private address (Private Network Access).
/// </summary>
public sealed class CityWebPage : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly string html;

    /// <param name="origin">Where to serve it (default: localhost on a free port); the shared server allows
    /// <see cref="E2EFixture.CitySite"/> to embed the chat.</param>
    public CityWebPage(string html, Uri? origin = null)
    {
        this.html = html;
        Url = origin ?? new Uri($"http://localhost:{MinwonServer.FreePort()}/");
        listener.Prefixes.Add(Url.ToString());
        listener.Start();
        _ = ServeAsync();
    }

    public Uri Url { get; }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var body = Encoding.UTF8.GetBytes(html);
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.ContentLength64 = body.Length;
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }

    public void Dispose() => listener.Close();
}
