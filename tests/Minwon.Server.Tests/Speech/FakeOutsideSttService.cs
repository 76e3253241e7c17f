using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Minwon.Core.Voice;

using Minwon.Server.Tests.Testing;

namespace Minwon.Server.Tests.Speech;

/// <summary>
/// FAKE of the outside speech-to-text service (a whisper.cpp or faster-whisper server speaking the OpenAI
/// transcription API): a real HTTP server on a free loopback port that checks each request the way such a server
/// parses it (multipart form with file, model, language, response_format) and answers with recorded answers. It does
/// not recognise speech; it stands at the seam where Minwon talks to an engine outside it.
/// </summary>
public sealed class FakeOutsideSttService : IAsyncDisposable
{
    private WebApplication app = null!;
    private readonly ConcurrentQueue<string> answers = new();
    private int disposed;


    /// <summary>What every request carried (parsed), in order.</summary>
    public ConcurrentQueue<SttRequest> Requests { get; } = new();

    /// <summary>How the service answers: "text" (the next recorded answer), "500", "html", "no-text", "hang".</summary>
    public string Mode { get; set; } = "text";

    public string Url { get; private set; } = "";

    public static async Task<FakeOutsideSttService> StartAsync()
    {
        var service = new FakeOutsideSttService();
        service.app = await LoopbackWebApp.StartAsync(app => app.MapPost("/v1/audio/transcriptions", (Delegate)service.HandleAsync));
        service.Url = service.app.Urls.Single() + "/v1/audio/transcriptions";
        return service;
    }

    /// <summary>Recorded answers given in order, one per request; "" once they run out (the engine heard nothing).</summary>
    public void Answer(params string[] texts)
    {
        foreach (var t in texts)
        {
            answers.Enqueue(t);
        }
    }

    private async Task<IResult> HandleAsync(HttpContext http)
    {
        if (!http.Request.HasFormContentType)
        {
            Requests.Enqueue(new SttRequest(null, null, null, null, 0, 0, http.Request.Headers.Authorization.ToString(), false));
            return Results.BadRequest(new { error = "multipart/form-data expected" });
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var file = form.Files.GetFile("file");
        int rate = 0, samples = 0;
        var wavOk = false;
        if (file is not null)
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, http.RequestAborted);
            try
            {
                var (pcm, r, channels) = Wav.Read(buffer.ToArray());
                (rate, samples, wavOk) = (r, pcm.Length, channels == 1);
            }
            catch (FormatException)
            {
                wavOk = false;
            }
        }

        Requests.Enqueue(new SttRequest(form["model"].ToString(), form["language"].ToString(), form["response_format"].ToString(),
            file?.FileName, rate, samples, http.Request.Headers.Authorization.ToString(), wavOk));
        switch (Mode)
        {
            case "500":
                return Results.Problem("model not loaded", statusCode: 500);
            case "html":
                return Results.Content("<html><body>502 Bad Gateway</body></html>", "text/html");
            case "no-text":
                return Results.Json(new { segments = Array.Empty<object>() });
            case "hang":
                await Task.Delay(TimeSpan.FromSeconds(30), http.RequestAborted);
                return Results.Json(new { text = "too late" });
            default:
                return Results.Json(new { text = answers.TryDequeue(out var text) ? text : "" });
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        await app.StopAsync(CancellationToken.None);
        await app.DisposeAsync();
    }
}

/// <summary>One transcription request as the fake service parsed it.</summary>
public sealed record SttRequest(string? Model, string? Language, string? ResponseFormat, string? FileName, int SampleRate, int Samples,
    string Authorization, bool MonoWav);
