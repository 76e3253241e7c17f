using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Minwon.Core.Conversations;
using Minwon.Server.Data;
using Minwon.Server.Features.ChannelAdapters;
using Minwon.Server.Features.Chatbot;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Platform.Events;
using Minwon.Server.Tests.Testing;

namespace Minwon.Server.Tests.Platform;

/// <summary>
/// Consumers whose handlers are idempotent (the bot, the channel replies) save their cursor once per batch
/// (<see cref="EventConsumer.SaveCursorPerBatch"/>). A crash in the middle of a batch therefore leaves the cursor before
/// the whole batch, and the next run handles it all again: the events handled before the crash must do nothing the second
/// time (no second bot answer, no second outbox row), and the rest must be done (nothing lost). The consumers are driven by
/// hand (<c>Minwon:Events:ConsumersEnabled=false</c>); the crash is the cancellation the host sees when the process stops.
/// </summary>
public sealed class BatchCursorCrashTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_crash_mid_batch_of_the_bot_redoes_the_batch_and_answers_every_question_once()
    {
        await using var app = await MinwonApp.StartAsync(Db.Sqlite, new Dictionary<string, string?>
        {
            ["Minwon:Chatbot:Enabled"] = "true",
            ["Minwon:Events:ConsumersEnabled"] = "false",
        });
        var chats = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            using var citizen = app.CitizenClient();
            using var response = await citizen.PostAsJsonAsync("/api/chat/conversations", new StartChatRequest("ko", "홍길동", null, null), Ct);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var chat = (await response.Content.ReadFromJsonAsync<StartChatResponse>(Ct))!;
            await citizen.SayAsync(chat.Token, $"주차 과태료 어디서 내요 {i}");
            chats.Add(chat.ConversationId);
        }

        var before = await BotLinesAsync(app, chats);
        var start = await PositionAsync(app, "chatbot");

        await CrashAfterAsync(app, new ChatbotConsumer(), handled: 3);

        // The cursor was not moved: the whole batch comes again.
        Assert.Equal(start, await PositionAsync(app, "chatbot"));
        var afterCrash = await BotLinesAsync(app, chats);
        var answered = chats.Where(c => afterCrash[c] > before[c]).ToList();
        Assert.Equal(3, answered.Count);

        await RunToEndAsync(app, new ChatbotConsumer());
        var afterRedo = await BotLinesAsync(app, chats);
        // Nothing lost: every question answered. Nothing twice: the three answered before the crash did not answer again.
        Assert.All(chats, c => Assert.True(afterRedo[c] > before[c], $"conversation {c} got no answer"));
        Assert.All(answered, c => Assert.Equal(afterCrash[c], afterRedo[c]));
        Assert.Single(chats.Select(c => afterRedo[c] - before[c]).Distinct());
        Assert.True(await PositionAsync(app, "chatbot") > start);

        // Replaying the whole log once more changes nothing the citizen sees.
        await app.DbAsync(db => db.Set<EventCursor>().Where(c => c.Name == "chatbot").ExecuteDeleteAsync(Ct));
        await RunToEndAsync(app, new ChatbotConsumer());
        Assert.Equal(afterRedo, await BotLinesAsync(app, chats));
    }

    [Fact]
    public async Task A_crash_mid_batch_of_the_channel_replies_redoes_the_batch_and_queues_every_reply_once()
    {
        const string key = "crash-test-key";
        await using var app = await MinwonApp.StartAsync(Db.Sqlite, new Dictionary<string, string?>
        {
            ["Minwon:Chatbot:Enabled"] = "true",
            ["Minwon:Events:ConsumersEnabled"] = "false",
            ["Minwon:Channels:Sms:ApiKey"] = key,
        });
        using var gateway = app.CitizenClient();
        gateway.DefaultRequestHeaders.Add("X-Api-Key", key);
        for (var i = 0; i < 4; i++)
        {
            using var response = await gateway.PostAsJsonAsync("/api/channels/sms/inbound", new
            {
                messageId = $"crash-sms-{i}", from = $"010-5555-000{i}", to = "120", text = "주차 과태료 어디서 내요", receivedAt = TimeProvider.System.GetUtcNow(),
            }, Ct);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        // The SMS become conversations, and the bot answers each; its lines are what the channel replies send.
        await RunToEndAsync(app, app.Services.GetRequiredService<ProcessChannelInbox>());
        await RunToEndAsync(app, new ChatbotConsumer());
        var replies = await app.DbAsync(db => db.Set<Message>().AsNoTracking()
            .Where(m => db.Set<ChannelThread>().Any(t => t.ConversationId == m.ConversationId) && m.Sender != MessageSender.Citizen
                && (m.Kind == MessageKind.Text || m.Kind == MessageKind.Event) && m.SenderName != ReceiveChannelMessage.DeskNoteName)
            .Select(m => new { m.ConversationId, m.Seq }).ToListAsync(Ct));
        Assert.True(replies.Count >= 4, $"only {replies.Count} bot lines in four SMS conversations");

        var start = await PositionAsync(app, "channel-replies");
        await CrashAfterAsync(app, new QueueChannelReplies(), handled: 2);
        Assert.Equal(start, await PositionAsync(app, "channel-replies"));
        var afterCrash = await app.RowsAsync<ChannelOutboxItem>();
        Assert.Equal(2, afterCrash.Count);

        await RunToEndAsync(app, new QueueChannelReplies());
        var afterRedo = await app.RowsAsync<ChannelOutboxItem>();
        // One row per reply: none lost, none twice; the two queued before the crash are the same rows.
        Assert.Equal(replies.Select(r => (r.ConversationId, r.Seq)).Order(), afterRedo.Select(o => (o.ConversationId, o.Seq)).Order());
        Assert.All(afterCrash, o => Assert.Contains(afterRedo, r => r.Id == o.Id && r.ExternalId == o.ExternalId));

        await app.DbAsync(db => db.Set<EventCursor>().Where(c => c.Name == "channel-replies").ExecuteDeleteAsync(Ct));
        await RunToEndAsync(app, new QueueChannelReplies());
        Assert.Equal(afterRedo.Select(o => o.Id).Order(), (await app.RowsAsync<ChannelOutboxItem>()).Select(o => o.Id).Order());
    }

    private static EventConsumerRun RunOf(MinwonApp app, EventConsumer consumer) =>
        new(consumer.Name, app.Services.GetRequiredService<IDbContextFactory<MinwonDbContext>>(), app.Services.GetRequiredService<IServiceScopeFactory>(),
            app.Services.GetRequiredService<TimeProvider>(), app.Services.GetRequiredService<ILogger<BatchCursorCrashTests>>());

    private static async Task RunToEndAsync(MinwonApp app, EventConsumer consumer)
    {
        var run = RunOf(app, consumer);
        while (await consumer.RunBatchAsync(run, Ct) > 0)
        {
        }
    }

    /// <summary>One batch that stops like a killed process right after the <paramref name="handled"/>-th event was handled.</summary>
    private static async Task CrashAfterAsync(MinwonApp app, EventConsumer consumer, int handled)
    {
        using var crash = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var crashing = new CrashAfter(consumer, handled, crash);
        Assert.True(crashing.SaveCursorPerBatch, $"{consumer.Name} saves its cursor per event");
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => crashing.RunBatchAsync(RunOf(app, crashing), crash.Token));
        Assert.Equal(handled, crashing.Handled);
    }

    /// <summary>The saved position of a cursor (0 when it was never saved).</summary>
    private static Task<long> PositionAsync(MinwonApp app, string name) =>
        app.DbAsync(db => db.Set<EventCursor>().AsNoTracking().Where(c => c.Name == name).Select(c => c.Position).FirstOrDefaultAsync(Ct));

    private static Task<Dictionary<Guid, int>> BotLinesAsync(MinwonApp app, List<Guid> chats) =>
        app.DbAsync(async db =>
        {
            var counts = await db.Set<Message>().AsNoTracking().Where(m => chats.Contains(m.ConversationId) && m.Sender == MessageSender.Bot)
                .GroupBy(m => m.ConversationId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(Ct);
            return chats.ToDictionary(c => c, c => counts.FirstOrDefault(x => x.Key == c)?.Count ?? 0);
        });

    private sealed class CrashAfter(EventConsumer inner, int handled, CancellationTokenSource crash) : EventConsumer
    {
        public int Handled { get; private set; }

        public override string Name => inner.Name;

        public override int BatchSize => inner.BatchSize;

        public override bool SaveCursorPerBatch => inner.SaveCursorPerBatch;

        public override bool Wants(EventEnvelope e) => inner.Wants(e);

        public override async Task HandleAsync(EventEnvelope e, IServiceProvider services, CancellationToken cancellationToken)
        {
            await inner.HandleAsync(e, services, cancellationToken);
            if (++Handled == handled)
            {
                await crash.CancelAsync();
            }
        }
    }
}
