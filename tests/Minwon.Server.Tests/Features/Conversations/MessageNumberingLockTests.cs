using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Minwon.Core.Conversations;
using Minwon.Server.Platform.Observability;
using Minwon.Server.Tests.Testing;

namespace Minwon.Server.Tests.Features.Conversations;

/// <summary>
/// Runs alone (no other class at the same time): it counts a process-wide metric, and another class's retries must not
/// be counted as this one's.
/// </summary>
[CollectionDefinition(nameof(ProcessWideMetrics), DisableParallelization = true)]
public sealed class ProcessWideMetrics;

/// <summary>
/// Issue 10 / docs/load.md: on PostgreSQL overlapping sends of one conversation wait for the conversation's row lock and
/// number their messages one after another, instead of colliding on the unique (ConversationId, Seq) index and running
/// again. Counted by the retry metric <c>minwon.db.concurrency_retries</c> (operation PostMessage).
/// </summary>
[Collection(nameof(ProcessWideMetrics))]
public sealed class MessageNumberingLockTests
{
    private const int Sends = 60;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sixty_overlapping_sends_to_one_conversation_on_PostgreSQL_are_numbered_one_after_another_without_a_single_retry()
    {
        TestPostgres.SkipUnlessAvailable();
        await using var app = await MinwonApp.StartAsync(Db.Postgres, new Dictionary<string, string?>
        {
            // The per-conversation flood limit would refuse most of the citizen's half; this test is about numbering.
            ["Minwon:Chat:CitizenBurst"] = "1000",
        });
        var counsellor = await app.CounsellorAsync();
        using var citizen = app.CitizenClient();
        var chat = await app.ServedChatAsync(counsellor, citizen);
        var before = (await app.SnapshotAsync(chat.ConversationId)).LastSeq;

        using var retries = new RetryCounter("PostMessage");
        var sent = await Task.WhenAll(Enumerable.Range(1, Sends).Select(i => Task.Run(() => i % 3 == 0
            ? citizen.SayAsync(chat.Token, $"시민 질문 {i}", $"citizen-{i}")
            : counsellor.ReplyAsync(chat.ConversationId, $"상담사 답변 {i}", $"agent-{i}"), Ct)));

        Assert.Equal(0, retries.Count);
        Assert.Equal(Enumerable.Range(before + 1, Sends), sent.Select(m => m.Seq).Order());
        var stored = await app.MessagesOfAsync(chat.ConversationId);
        Assert.Equal(Enumerable.Range(1, before + Sends), stored.Select(m => m.Seq));
        Assert.Equal(Sends, stored.Count(m => m.Kind == MessageKind.Text && m.ClientMessageId is not null));
        Assert.All(sent, m => Assert.Equal(m.Body, stored.Single(s => s.Seq == m.Seq).Body));
        Assert.Equal(before + Sends, (await app.SnapshotAsync(chat.ConversationId)).LastSeq);
    }

    [Fact]
    public async Task The_retry_metric_counts_a_retried_unit_of_work_under_its_operation_name()
    {
        // The counter the test above relies on does count: a unit of work that loses a race once is counted once.
        var app = await MinwonApp.StartAsync(Db.Sqlite);
        await using var _ = app;
        using var retries = new RetryCounter(nameof(MessageNumberingLockTests));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Minwon.Server.Data.MinwonDbContext>();
        var attempts = 0;
        await Minwon.Server.Data.ConcurrencyRetry.RunAsync(db, _ => ++attempts == 1
            ? throw new Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException("lost the race")
            : Task.FromResult(true), Ct);

        Assert.Equal(2, attempts);
        Assert.Equal(1, retries.Count);
    }

    /// <summary>Counts <c>minwon.db.concurrency_retries</c> for one operation while it lives.</summary>
    private sealed class RetryCounter : IDisposable
    {
        private readonly MeterListener listener = new();
        private int count;

        public RetryCounter(string operation)
        {
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == MinwonMetrics.MeterName && instrument.Name == "minwon.db.concurrency_retries")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag.Key == "operation" && Equals(tag.Value, operation))
                    {
                        Interlocked.Add(ref count, (int)value);
                    }
                }
            });
            listener.Start();
        }

        public int Count => Volatile.Read(ref count);

        public void Dispose() => listener.Dispose();
    }
}
