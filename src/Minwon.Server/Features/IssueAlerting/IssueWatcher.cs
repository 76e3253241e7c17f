using System.Threading.Channels;
using Minwon.Core.Assistant;
using Minwon.Core.IssueAlerting;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.IssueAlerting;

/// <summary>
/// Feeds each conversation's first citizen message (masked) to the streaming detector and records its alerts.
/// The detector's learned baselines are saved to {DataDir}/issues/detector.json every few minutes and at shutdown
/// and restored at start, so a restart does not send it back into its warm-up. With several nodes each node sees only
/// its own contacts; docs/issues.md says what a shared detector would need.
/// </summary>
public sealed partial class IssueWatcher(LiveBus bus, IServiceScopeFactory scopes, TimeProvider clock, ILogger<IssueWatcher> logger,
    Microsoft.Extensions.Options.IOptions<Platform.MinwonOptions> options) : BackgroundService
{
    private static readonly TimeSpan SaveEvery = TimeSpan.FromMinutes(5);
    private DateTimeOffset lastSaved;
    private static readonly TimeSpan Memory = TimeSpan.FromHours(3);
    private readonly Channel<(Guid ConversationId, string Text, DateTimeOffset At)> inbox =
        Channel.CreateBounded<(Guid, string, DateTimeOffset)>(new BoundedChannelOptions(50_000) { FullMode = BoundedChannelFullMode.DropOldest });
    private readonly Dictionary<Guid, DateTimeOffset> seen = [];
    private readonly Queue<(Guid ConversationId, string Text, string? District, DateTimeOffset At)> recent = new();
    private IssueDetector detector = new();

    private string StatePath => Path.Combine(options.Value.ResolvedDataDir, "issues", "detector.json");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await RestoreAsync(stoppingToken);
        lastSaved = clock.GetUtcNow();
        bus.Published += OnEventAsync;
        try
        {
            await foreach (var (conversationId, text, at) in inbox.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await ObserveAsync(conversationId, text, at, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogFailed(ex, conversationId);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            bus.Published -= OnEventAsync;
            await SaveAsync();
        }
    }

    private async Task RestoreAsync(CancellationToken ct)
    {
        if (!File.Exists(StatePath))
        {
            return;
        }

        try
        {
            await using var stream = File.OpenRead(StatePath);
            if (await System.Text.Json.JsonSerializer.DeserializeAsync<IssueDetectorState>(stream, cancellationToken: ct) is { } state)
            {
                detector = IssueDetector.Restore(state);
            }
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or IOException or InvalidOperationException or ArgumentException)
        {
            // A damaged or older state file only costs a warm-up; the detector starts fresh.
            LogRestoreFailed(ex);
        }
    }

    private async Task SaveAsync()
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(StatePath)!);
            var temporary = StatePath + ".tmp";
            await using (var stream = File.Create(temporary))
            {
                await System.Text.Json.JsonSerializer.SerializeAsync(stream, detector.Save());
            }

            File.Move(temporary, StatePath, overwrite: true);
            lastSaved = clock.GetUtcNow();
        }
        catch (IOException ex)
        {
            LogSaveFailed(ex);
        }
    }

    private async Task ObserveAsync(Guid conversationId, string text, DateTimeOffset at, CancellationToken ct)
    {
        var district = CaseFormExtractor.Extract(text, DateOnly.FromDateTime(at.UtcDateTime)).District;
        var category = CategoryKeywordMatcher.Instance.Guess(text, 1).FirstOrDefault()?.Major;
        recent.Enqueue((conversationId, text, district, at));
        lock (seen)
        {
            while (recent.Count > 0 && at - recent.Peek().At > Memory)
            {
                seen.Remove(recent.Dequeue().ConversationId);
            }
        }

        foreach (var alert in detector.Observe(new ContactEvent(at, text, category, district, "chat")))
        {
            var behind = recent.Where(r => (alert.District is null || r.District == alert.District)
                    && alert.Terms.Any(t => r.Text.Replace(" ", "", StringComparison.Ordinal).Contains(t, StringComparison.Ordinal)))
                .Select(r => r.ConversationId).ToList();
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IssueActions>().RecordAsync(alert, behind, "실시간", ct);
        }

        if (clock.GetUtcNow() - lastSaved > SaveEvery)
        {
            await SaveAsync();
        }
    }

    private Task OnEventAsync(LiveEvent e)
    {
        if (e is MessageAdded { Message: { Sender: "citizen", Kind: "text" } } m)
        {
            lock (seen)
            {
                if (seen.TryAdd(m.ConversationId, clock.GetUtcNow()))
                {
                    inbox.Writer.TryWrite((m.ConversationId, m.Message.Body, m.Message.CreatedAt));
                }
            }
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Issue detector state could not be restored; starting fresh")]
    private partial void LogRestoreFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Issue detector state could not be saved")]
    private partial void LogSaveFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Issue detection failed for conversation {ConversationId}")]
    private partial void LogFailed(Exception exception, Guid conversationId);
}
