using Minwon.Core.Voice;
using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using Microsoft.Extensions.DependencyInjection;
using Minwon.Server.Features.Voice;
using Minwon.Server.Features.Voice.Transports;
using Minwon.Server.Tests.Testing;

namespace Minwon.Server.Tests.Voice;

/// <summary>Starting a voice-ready app and driving its calls from a test.</summary>
public static class VoiceTestKit
{
    public const string ApiKey = "test-telephony-key-120";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static Dictionary<string, string?> Settings(params (string Key, string? Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Minwon:Voice:ApiKey"] = ApiKey,
            ["Logging:LogLevel:Minwon.Server.Features.Voice"] = "Warning",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    public static Task<MinwonApp> StartAsync(Db db = Db.Sqlite, params (string Key, string? Value)[] extra) =>
        MinwonApp.StartAsync(db, Settings(extra));

    public static async Task<IPEndPoint> AudioSocketAsync(this MinwonApp app)
    {
        var listener = app.Services.GetRequiredService<AudioSocketListener>();
        await listener.Started.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        return listener.Endpoint ?? throw new InvalidOperationException("AudioSocket is not listening: " + listener.Failure);
    }

    public static async Task<AnnounceCallResponse> AnnounceAsync(this MinwonApp app, Guid uuid, string? from, string? to = "120")
    {
        using var http = app.CreateClient();
        http.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        using var response = await http.PostAsJsonAsync("/api/voice/calls", new AnnounceCallRequest(uuid.ToString(), from, to), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<AnnounceCallResponse>(Ct))!;
    }

    /// <summary>
    /// Waits until <paramref name="heard"/> (what a listener received since the speech was sent) carries
    /// <paramref name="speech"/>: audible, and <see cref="VoiceSignals.Match"/> above 0.6. Fails with the best score
    /// after <paramref name="seconds"/>. A loaded machine takes longer; the check stays the same.
    /// </summary>
    public static async Task HearsAsync(Func<short[]> heard, short[] speech, int sampleRate, string what, double seconds = 60)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var best = 0.0;
        var loudness = double.NegativeInfinity;
        await Task.Delay(TimeSpan.FromSeconds(speech.Length / (double)sampleRate), Ct);
        while (true)
        {
            var audio = heard();
            loudness = Pcm.Dbfs(audio);
            var score = VoiceSignals.Match(speech, audio, sampleRate);
            best = Math.Max(best, score);
            if (score > 0.6 && loudness > -45)
            {
                return;
            }

            if (watch.Elapsed.TotalSeconds > seconds)
            {
                Assert.Fail($"{what}: best correlation {best:F2} (needed 0.6), {loudness:F1} dBFS, after {seconds} s");
            }

            await Task.Delay(500, Ct);
        }
    }

    /// <summary>Waits (polling) until the condition holds; fails with <paramref name="what"/> after the timeout.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, string what, double seconds = 20)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            if (watch.Elapsed.TotalSeconds > seconds)
            {
                Assert.Fail($"Timed out after {seconds} s waiting for: {what}");
            }

            await Task.Delay(50, Ct);
        }
    }

    public static Task UntilAsync(Func<bool> condition, string what, double seconds = 20) =>
        UntilAsync(() => Task.FromResult(condition()), what, seconds);

    public static async Task<Call> CallAsync(this MinwonApp app, Func<Call, bool> match) =>
        (await app.RowsAsync<Call>()).Single(match);

    public static async Task<Call?> FindCallAsync(this MinwonApp app, Func<Call, bool> match) =>
        (await app.RowsAsync<Call>()).SingleOrDefault(match);

    /// <summary>A staff member's media socket (softphone or supervisor), with their sign-in cookie.</summary>
    public static async Task<BrowserLegTestClient> StaffSocketAsync(this MinwonApp app, StaffMember staff, Guid callId, string role)
    {
        var client = app.Server.CreateWebSocketClient();
        var cookie = staff.Cookies.GetCookieHeader(new Uri("http://localhost/"));
        client.ConfigureRequest = request => request.Headers["Cookie"] = cookie;
        var socket = await client.ConnectAsync(new Uri($"ws://localhost/voice/ws/staff?callId={callId}&role={role}"), Ct);
        var leg = new BrowserLegTestClient(socket);
        leg.Start();
        return leg;
    }

    public static async Task<HttpResponseMessage> PostAsync(this StaffMember staff, string url, object? body = null) =>
        await staff.Http.PostAsync(url, body is null ? null : JsonContent.Create(body), Ct);

    public static async Task<CallDto> AnswerAsync(this StaffMember staff, Guid callId)
    {
        using var response = await staff.PostAsync($"/api/voice/calls/{callId}/answer");
        await ChatApi.ExpectAsync(HttpStatusCode.OK, response);
        return (await response.Content.ReadFromJsonAsync<CallDto>(Ct))!;
    }

    public static async Task ExpectNoContentAsync(this StaffMember staff, string url, object? body = null)
    {
        using var response = await staff.PostAsync(url, body);
        await ChatApi.ExpectAsync(HttpStatusCode.NoContent, response);
    }
}
