using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Minwon.Server.Tests.Testing;

/// <summary>
/// A real, silent HTTP server on a free 127.0.0.1 port with the routes a test maps: the body of every named fake of an
/// outside service (speech engines, SMS gateways). Its address is <c>app.Urls.Single()</c>.
/// </summary>
public static class LoopbackWebApp
{
    public static async Task<WebApplication> StartAsync(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        map(app);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return app;
    }
}
