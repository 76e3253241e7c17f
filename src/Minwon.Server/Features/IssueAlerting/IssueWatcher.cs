using System.Threading.Channels;
using Minwon.Core.Assistant;
using Minwon.Core.IssueAlerting;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.IssueAlerting;

/// <summary>
/// Feeds each conversation's first citizen message (masked) to the streaming detector and records its alerts.
/// The detector's baselines live in this process: after a restart it learns again (its warm-up), and with several
/// nodes each node sees only its own contacts; docs/issues.md says what a shared detector would need.
/// </summary>
public sealed partial class IssueWatcher(LiveBus bus, IServiceScopeFactory scopes, TimeProvider clock, ILogger<IssueWatcher> logger) : BackgroundService
{
    private static readonly TimeSpan Memory = TimeSpan.FromHours(3);
    private readonly Channel<(Guid ConversationId, string Text, DateTimeOffset At)> inbox =
        Channel.CreateBounded<(Guid, string, DateTimeOffset)>(new BoundedChannelOptions(50_000) { FullMode = BoundedChannelFullMode.DropOldest });
    private readonly Dictionary<Guid, DateTimeOffset> seen = [];
    private readonly Queue<(Guid ConversationId, string Text, string? District, DateTimeOffset At)> recent = new();
    private readonly IssueDetector detector = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Issue detection failed for conversation {ConversationId}")]
    private partial void LogFailed(Exception exception, Guid conversationId);
}
