using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Minwon.Core.Voice;

using Minwon.Server.Tests.Testing;

namespace Minwon.Server.Tests.Speech;

/// <summary>
/// FAKE of an outside text-to-speech service speaking OpenAI's <c>POST /v1/audio/speech</c>: a real HTTP server on a
/// free loopback port that parses each request as such a server does (JSON model, input, voice, response_format) and
/// answers a recorded WAV (a tone as long as the input), an error, HTML, or nothing in time. It does not synthesise
/// speech; it stands at the seam where Minwon talks to an engine outside it.
/// </summary>
public sealed class FakeOutsideTtsService : IAsyncDisposable
{
    private WebApplication app = null!;


    public ConcurrentQueue<TtsRequest> Requests { get; } = new();

    /// <summary>"wav" (24 kHz mono), "stereo", "500", "html", "hang".</summary>
    public string Mode { get; set; } = "wav";

    public string Url { get; private set; } = "";

    public static async Task<FakeOutsideTtsService> StartAsync()
    {
        var service = new FakeOutsideTtsService();
        service.app = await LoopbackWebApp.StartAsync(app => app.MapPost("/v1/audio/speech", (Delegate)service.HandleAsync));
        service.Url = service.app.Urls.Single() + "/v1/audio/speech";
        return service;
    }

    /// <summary>Samples of the answer for an input: 10 ms of tone per character, so a test can tell answers apart.</summary>
    public static int SamplesFor(string input) => input.Length * 240;

    private async Task<IResult> HandleAsync(HttpContext http)
    {
        string? model = null, input = null, voice = null, format = null;
        var json = http.Request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) == true;
        if (json)
        {
            using var doc = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
            string? Get(string name) => doc.RootElement.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            (model, input, voice, format) = (Get("model"), Get("input"), Get("voice"), Get("response_format"));
        }

        Requests.Enqueue(new TtsRequest(json, model, input, voice, format, http.Request.Headers.Authorization.ToString()));
        if (!json || string.IsNullOrEmpty(input) || string.IsNullOrEmpty(model))
        {
            return Results.BadRequest(new { error = "model and input are required" });
        }

        switch (Mode)
        {
            case "500":
                return Results.Problem("voice not loaded", statusCode: 500);
            case "html":
                return Results.Content("<html><body>502 Bad Gateway</body></html>", "text/html");
            case "hang":
                await Task.Delay(TimeSpan.FromSeconds(30), http.RequestAborted);
                return Results.StatusCode(504);
        }

        var samples = Enumerable.Range(0, SamplesFor(input)).Select(i => (short)(8000 * Math.Sin(2 * Math.PI * 330 * i / 24000))).ToArray();
        var channels = Mode == "stereo" ? 2 : 1;
        var pcm = channels == 1 ? samples : [.. samples.SelectMany(s => new[] { s, s })];
        return Results.Bytes([.. Wav.Header(24000, channels, pcm.Length * 2L), .. Pcm.ToBytes(pcm)], "audio/wav");
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync(CancellationToken.None);
        await app.DisposeAsync();
    }
}

public sealed record TtsRequest(bool Json, string? Model, string? Input, string? Voice, string? ResponseFormat, string Authorization);
