using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Minwon.Core.Voice;
using Minwon.Server.Features.Voice;
using Minwon.Server.Tests.Testing;

namespace Minwon.Server.Tests.Voice;

/// <summary>Health, figures, shutdown and retention: the operational side of calls.</summary>
public sealed class VoiceOperationsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Readiness_fails_while_the_AudioSocket_address_is_taken_and_passes_when_it_listens()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var taken = ((IPEndPoint)squatter.LocalEndpoint).Port;
        await using (var blocked = await VoiceTestKit.StartAsync(Db.Sqlite, ("Minwon:Voice:AudioSocket:Listen", $"127.0.0.1:{taken}")))
        {
            using var http = blocked.CreateClient();
            using var ready = await http.GetAsync("/health/ready", Ct);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Contains(blocked.Logs.Lines(LogLevelError), l => l.Contains("AudioSocket cannot listen", StringComparison.Ordinal));
        }

        await using var app = await VoiceTestKit.StartAsync();
        using var client = app.CreateClient();
        using var ok = await client.GetAsync("/health/ready", Ct);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    [Fact]
    public async Task An_abandoned_call_counts_in_the_voice_figures_and_a_graceful_shutdown_hangs_up_the_remaining_caller()
    {
        var app = await VoiceTestKit.StartAsync();
        await using var leaving = new AudioSocketTestClient();
        await using var staying = new AudioSocketTestClient();
        try
        {
            var endpoint = await app.AudioSocketAsync();
            await leaving.ConnectAsync(endpoint);
            await VoiceTestKit.UntilAsync(async () => (await app.FindCallAsync(c => c.ExternalId == leaving.Uuid.ToString()))?.ConversationId is not null, "the call");
            app.Clock!.Advance(TimeSpan.FromSeconds(40));
            await leaving.HangUpAsync();
            await VoiceTestKit.UntilAsync(async () => (await app.CallAsync(c => c.ExternalId == leaving.Uuid.ToString())).State == CallState.Ended, "the hang-up");

            var supervisor = await app.StaffAsync("supervisor");
            var figures = (await supervisor.Http.GetFromJsonAsync<VoiceFigures>("/api/voice/stats", Ct))!;
            var phone = figures.Channels.Single(c => c.Channel == "phone");
            Assert.Equal((1, 0, 1.0), (phone.Abandoned, phone.Answered, phone.AbandonmentRate));

            await staying.ConnectAsync(endpoint);
            await VoiceTestKit.UntilAsync(async () => (await app.FindCallAsync(c => c.ExternalId == staying.Uuid.ToString()))?.ConversationId is not null, "the second call");
            figures = (await supervisor.Http.GetFromJsonAsync<VoiceFigures>("/api/voice/stats", Ct))!;
            Assert.Equal(1, figures.Channels.Single(c => c.Channel == "phone").Waiting);
        }
        finally
        {
            await app.DisposeAsync();
        }

        Assert.Equal(AudioSocketKind.Hangup, await staying.Closed.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct));
    }

    private const Microsoft.Extensions.Logging.LogLevel LogLevelError = Microsoft.Extensions.Logging.LogLevel.Error;
}
