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
    public async Task Writers_of_every_kind_on_one_conversation_on_PostgreSQL_number_under_one_lock_without_gaps_duplicates_or_retries()
    {
        // Issue 10 session 7: the citizen's and the counsellor's posts, speech transcripts and system lines (the path of
        // counsellor actions, the bot, channel notes and video consent lines) all number through ConversationJournal.
        TestPostgres.SkipUnlessAvailable();
        await using var app = await MinwonApp.StartAsync(Db.Postgres, new Dictionary<string, string?> { ["Minwon:Chat:CitizenBurst"] = "1000" });
        var counsellor = await app.CounsellorAsync();
        using var citizen = app.CitizenClient();
        var chat = await app.ServedChatAsync(counsellor, citizen);
        var before = (await app.SnapshotAsync(chat.ConversationId)).LastSeq;
        const int eachKind = 15;

        using var retries = new RetryCounter("PostMessage", "TranscriptWriter", nameof(MessageNumberingLockTests));
        var writes = Enumerable.Range(1, eachKind).SelectMany(i => new Func<Task<int>>[]
        {
            async () => (await citizen.SayAsync(chat.Token, $"시민 질문 {i}", $"citizen-{i}")).Seq,
            async () => (await counsellor.ReplyAsync(chat.ConversationId, $"상담사 답변 {i}", $"agent-{i}")).Seq,
            async () =>
            {
                await using var scope = app.Services.CreateAsyncScope();
                var line = await scope.ServiceProvider.GetRequiredService<Minwon.Server.Features.Speech.TranscriptWriter>().AppendAsync(
                    new(chat.ConversationId, null, Minwon.Core.Speech.SpeakerSide.Counsellor, null, $"통화 내용 {i}", i * 1000, i * 1000 + 900,
                        "test", $"seg-{i}"), Ct);
                return line!.Seq;
            },
            async () =>
            {
                await using var scope = app.Services.CreateAsyncScope();
                var journal = scope.ServiceProvider.GetRequiredService<Minwon.Server.Features.Conversations.ConversationJournal>();
                return (await journal.AppendEventAsync(chat.ConversationId, $"안내 {i}", Ct)).Seq;
            },
        });
        var seqs = await Task.WhenAll(writes.Select(w => Task.Run(w, Ct)));

        Assert.Equal(0, retries.Count);
        Assert.Equal(Enumerable.Range(before + 1, 4 * eachKind), seqs.Order());
        var stored = await app.MessagesOfAsync(chat.ConversationId);
        Assert.Equal(Enumerable.Range(1, before + 4 * eachKind), stored.Select(m => m.Seq));
        Assert.Equal(eachKind, stored.Count(m => m.Kind == MessageKind.Speech));
        Assert.Equal(eachKind, stored.Count(m => m.Kind == MessageKind.Event && m.Body.StartsWith("안내 ", StringComparison.Ordinal)));
        Assert.Equal(before + 4 * eachKind, (await app.SnapshotAsync(chat.ConversationId)).LastSeq);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_message_added_to_a_conversation_not_loaded_under_its_lock_is_refused_and_nothing_is_stored(Db provider)
    {
        if (provider == Db.Postgres)
        {
            TestPostgres.SkipUnlessAvailable();
        }

        await using var app = await MinwonApp.StartAsync(provider);
        var counsellor = await app.CounsellorAsync();
        using var citizen = app.CitizenClient();
        var chat = await app.ServedChatAsync(counsellor, citizen);
        var before = (await app.SnapshotAsync(chat.ConversationId)).LastSeq;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Minwon.Server.Data.MinwonDbContext>();
        var journal = scope.ServiceProvider.GetRequiredService<Minwon.Server.Features.Conversations.ConversationJournal>();
        var conversation = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
            db.Set<Minwon.Server.Features.Conversations.Conversation>(), c => c.Id == chat.ConversationId, Ct);

        Assert.Throws<InvalidOperationException>(() => journal.AppendEvent(conversation, "잠금 없이"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => journal.LoadForWriteAsync(chat.ConversationId, Ct));
        var stored = await app.MessagesOfAsync(chat.ConversationId);
        Assert.Equal(before, stored.Count);
        Assert.DoesNotContain(stored, m => m.Body == "잠금 없이");
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

        public RetryCounter(params string[] operations)
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
                    if (tag.Key == "operation" && tag.Value is string operation && operations.Contains(operation))
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
