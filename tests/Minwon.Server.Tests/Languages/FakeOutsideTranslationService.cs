using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Minwon.Server.Tests.Testing;

namespace Minwon.Server.Tests.Languages;

/// <summary>
/// FAKE of an outside machine-translation service: a real HTTP server on a free loopback port answering the
/// LibreTranslate API (<c>POST /translate</c> {q, source, target}) and an OpenAI-compatible chat completion
/// (<c>POST /v1/chat/completions</c>) from a phrase table the test gives it, or an error. It translates nothing itself;
/// it stands at the seam where Minwon talks to a translation engine outside it.
/// </summary>
public sealed class FakeOutsideTranslationService : IAsyncDisposable
{
    private WebApplication app = null!;

    /// <summary>(source text contains, target language) → translation; anything else comes back as "?".</summary>
    public ConcurrentDictionary<(string Contains, string Target), string> Phrases { get; } = new();

    public ConcurrentQueue<(string Api, string Text, string? Source, string? Target)> Requests { get; } = new();

    /// <summary>"ok", "500", "html" (200 with a web page), "wrong-shape" (200 with JSON of another shape) or "slow" (no answer for a minute).</summary>
    public string Mode { get; set; } = "ok";

    public string Url { get; private set; } = "";

    public static async Task<FakeOutsideTranslationService> StartAsync()
    {
        var service = new FakeOutsideTranslationService();
        service.app = await LoopbackWebApp.StartAsync(app =>
        {
            app.MapPost("/translate", (Delegate)service.LibreTranslateAsync);
            app.MapPost("/v1/chat/completions", (Delegate)service.ChatCompletionAsync);
        });
        service.Url = service.app.Urls.Single();
        return service;
    }

    private string Lookup(string text, string? target) =>
        Phrases.FirstOrDefault(p => text.Contains(p.Key.Contains, StringComparison.Ordinal) && p.Key.Target == target).Value ?? "?";

    private async Task<IResult> LibreTranslateAsync(HttpContext http)
    {
        using var doc = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
        var q = doc.RootElement.GetProperty("q").GetString() ?? "";
        var target = doc.RootElement.GetProperty("target").GetString();
        Requests.Enqueue(("libretranslate", q, doc.RootElement.GetProperty("source").GetString(), target));
        return await MisbehaveAsync(http, new { translatedText = 5 })
            ?? (Mode == "500" ? Results.StatusCode(500) : Results.Json(new { translatedText = Lookup(q, target) }));
    }

    private async Task<IResult> ChatCompletionAsync(HttpContext http)
    {
        using var doc = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
        var messages = doc.RootElement.GetProperty("messages");
        var instruction = messages[0].GetProperty("content").GetString() ?? "";
        var text = messages[1].GetProperty("content").GetString() ?? "";
        var target = instruction.Split("to language '")[1].Split('\'')[0];
        Requests.Enqueue(("openai", text, null, target));
        return await MisbehaveAsync(http, new { choices = new { message = "not a list" } }) ?? (Mode == "500"
            ? Results.StatusCode(500)
            : Results.Json(new { choices = new[] { new { message = new { role = "assistant", content = Lookup(text, target) } } } }));
    }

    private async Task<IResult?> MisbehaveAsync(HttpContext http, object wrongShape)
    {
        switch (Mode)
        {
            case "html":
                return Results.Content("<html><body>502 Bad Gateway</body></html>", "text/html");
            case "wrong-shape":
                return Results.Json(wrongShape);
            case "slow":
                try
                {
                    await Task.Delay(TimeSpan.FromMinutes(1), http.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    // Minwon gave up waiting, as it should.
                }

                return Results.Empty;
            default:
                return null;
        }
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
