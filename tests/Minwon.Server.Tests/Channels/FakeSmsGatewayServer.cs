using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

using Minwon.Server.Tests.Testing;

namespace Minwon.Server.Tests.ChannelAdapters;

/// <summary>
/// FAKE of the outside SMS/MMS gateway: a real HTTP server on a free loopback port that takes Minwon's outbound posts
/// exactly as the contract says ({messageId, to, from, text} with X-Api-Key) and serves MMS media files at /media/NAME.
/// It delivers nothing to phones; it stands at the seam where Minwon talks to a carrier's gateway.
/// </summary>
public sealed class FakeSmsGatewayServer : IAsyncDisposable
{
    private WebApplication app = null!;
    private int failuresLeft;


    public const string OutboundKey = "fake-gateway-outbound-key";

    /// <summary>Every outbound post that carried the right key and the four fields, accepted or not, in order.</summary>
    public ConcurrentQueue<SmsPost> Posts { get; } = new();

    /// <summary>Posts answered 2xx.</summary>
    public ConcurrentQueue<SmsPost> Accepted { get; } = new();

    /// <summary>Posts refused for a wrong key or a body that is not the contract's.</summary>
    public ConcurrentQueue<string> Rejected { get; } = new();

    public ConcurrentDictionary<string, (byte[] Bytes, string ContentType)> Media { get; } = new();

    public string BaseUrl { get; private set; } = "";

    public string OutboundUrl => BaseUrl + "/send";

    /// <summary>The next <paramref name="count"/> posts are answered 503 (a provider outage).</summary>
    public void FailNext(int count) => Interlocked.Exchange(ref failuresLeft, count);

    /// <summary>The next <paramref name="count"/> posts to <paramref name="to"/> are answered 503 (others pass, so replies still in flight for other tests do not use them up).</summary>
    public void FailNextTo(string to, int count) => failuresFor[to] = count;

    private readonly ConcurrentDictionary<string, int> failuresFor = new();

    public static async Task<FakeSmsGatewayServer> StartAsync()
    {
        var server = new FakeSmsGatewayServer();
        server.app = await LoopbackWebApp.StartAsync(app =>
        {
            app.MapPost("/send", (Delegate)server.SendAsync);
            app.MapGet("/media/{name}", (string name) => server.Media.TryGetValue(name, out var file)
                ? Results.Bytes(file.Bytes, file.ContentType) : Results.NotFound());
        });
        server.BaseUrl = server.app.Urls.Single();
        return server;
    }

    private async Task<IResult> SendAsync(HttpContext http)
    {
        if (http.Request.Headers["X-Api-Key"] != OutboundKey)
        {
            Rejected.Enqueue("key");
            return Results.Unauthorized();
        }

        if (http.Request.ContentLength is null)
        {
            // Simple gateways read exactly Content-Length bytes; a chunked body would reach them empty.
            Rejected.Enqueue("no Content-Length");
            return Results.StatusCode(StatusCodes.Status411LengthRequired);
        }

        using var json = await JsonDocument.ParseAsync(http.Request.Body);
        var root = json.RootElement;
        var names = root.EnumerateObject().Select(p => p.Name).Order().ToArray();
        if (!names.SequenceEqual(["from", "messageId", "text", "to"]) || root.EnumerateObject().Any(p => p.Value.ValueKind != JsonValueKind.String))
        {
            Rejected.Enqueue("body: " + string.Join(",", names));
            return Results.BadRequest();
        }

        var post = new SmsPost(root.GetProperty("messageId").GetString()!, root.GetProperty("to").GetString()!,
            root.GetProperty("from").GetString()!, root.GetProperty("text").GetString()!);
        Posts.Enqueue(post);
        if (failuresFor.TryGetValue(post.To, out var left) && left > 0 && failuresFor.TryUpdate(post.To, left - 1, left))
        {
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        if (Interlocked.Decrement(ref failuresLeft) >= 0)
        {
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        Accepted.Enqueue(post);
        return Results.Ok(new { accepted = true });
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}

public sealed record SmsPost(string MessageId, string To, string From, string Text);
