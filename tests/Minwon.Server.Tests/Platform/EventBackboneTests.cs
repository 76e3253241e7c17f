using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minwon.Core.Conversations;
using Minwon.Server.Features.Chatbot;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Features.Conversations.Events;
using Minwon.Server.Features.Protection;
using Minwon.Server.Features.Quality.Events;
using Minwon.Server.Platform.Events;
using Minwon.Server.Tests.Testing;

namespace Minwon.Server.Tests.Platform;

/// <summary>The event log as the backbone: typed events with every change, consumers by cursor, once each, poison set aside.</summary>
public sealed class EventBackboneTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Dictionary<string, string?> BotOn = new() { ["Minwon:Chatbot:Enabled"] = "true" };

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_consultation_writes_a_typed_event_for_every_change_and_every_message(Db db)
    {
        await using var app = await MinwonApp.StartAsync(db);
        var counsellor = await app.CounsellorAsync();
        var citizen = app.CitizenClient();
        var chat = await app.ServedChatAsync(counsellor, citizen);
        await citizen.SayAsync(chat.Token, "가로등이 꺼졌어요");
        await counsellor.ReplyAsync(chat.ConversationId, "확인해 보겠습니다");
        await counsellor.CloseAsync(chat.ConversationId, null, null, "가로등 고장 접수");

        var rows = await app.RowsAsync<EventLogEntry>(q => q.Where(e => e.ConversationId == chat.ConversationId).OrderBy(e => e.Id));
        var events = rows.Select(r => EventCatalog.Deserialize(r.Type, r.Payload)).ToList();
        Assert.All(events, Assert.NotNull);
        Assert.All(rows, r => Assert.Equal(EventCatalog.Describe(EventCatalog.TypeOf(r.Type)!).Version, r.Version));
        var messages = await app.RowsAsync<Message>(q => q.Where(m => m.ConversationId == chat.ConversationId));
        Assert.Equal(messages.Select(m => m.Seq).Order(), events.OfType<MessageSent>().Select(m => m.Seq).Order());
        // The quality consumer may already have scored the closed consultation (its ConsultationScored row is typed too).
        var kinds = events.Select(e => e!.GetType().Name).Where(n => n is not nameof(MessageSent) and not nameof(ConsultationScored)).ToList();
        Assert.Equal(["ConversationQueued", "ConversationAssigned", "ConversationEnded", "CaseClosed"], kinds);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Consumers_take_up_events_written_while_they_were_down_and_handle_each_once(Db db)
    {
        // Written while no consumer runs: the bot's turns and an abusive message wait in the log.
        var stopped = new Dictionary<string, string?>(BotOn) { ["Minwon:Events:ConsumersEnabled"] = "false" };
        Guid conversationId;
        var dataDir = Directory.CreateTempSubdirectory("minwon-events-").FullName;
        var postgres = db == Db.Postgres ? await TestPostgres.CreateDatabaseAsync(Ct) : null;
        await using (var first = await MinwonApp.StartAsync(db, stopped, dataDir, postgres))
        {
            var citizen = first.CitizenClient();
            var chat = await BotChatAsync(citizen);
            conversationId = chat.ConversationId;
            await citizen.SayAsync(chat.Token, "주차 과태료 어디서 내요");
            await citizen.SayAsync(chat.Token, "이 씨발 왜 답이 없어");
            await citizen.SayAsync(chat.Token, "소파 버리려면 어떻게 해요");
            Assert.Empty(await first.RowsAsync<ProtectionIncident>(q => q.Where(i => i.ConversationId == conversationId)));
        }

        try
        {
            await using var second = await MinwonApp.StartAsync(db, BotOn, dataDir, postgres);
            await TakeUpAndRedeliverAsync(second, conversationId);
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
            if (postgres is not null)
            {
                await TestPostgres.DropDatabaseAsync(postgres);
            }
        }
    }

    private static async Task TakeUpAndRedeliverAsync(MinwonApp second, Guid conversationId)
    {
        var citizenMessages = await second.RowsAsync<Message>(q => q.Where(m => m.ConversationId == conversationId && m.Sender == MessageSender.Citizen));
        var last = await LastEventAsync(second);
        await WaitForCursorsAsync(second, last, "chatbot", "protection", "issues", "rollups");

        // No articles: the bot misses twice and hands off, so it took the first two turns and left the third alone.
        var session = Assert.Single(await second.RowsAsync<BotSession>(q => q.Where(s => s.ConversationId == conversationId)));
        Assert.Equal(citizenMessages.OrderBy(m => m.Seq).ElementAt(1).Seq, session.HandledSeq);
        Assert.Single(await second.RowsAsync<EventLogEntry>(q => q.Where(e => e.ConversationId == conversationId && e.Type == "BotHandedOff")));
        var incident = Assert.Single(await second.RowsAsync<ProtectionIncident>(q => q.Where(i => i.ConversationId == conversationId)));
        Assert.Equal(1, incident.AbusiveMessages);
        var botReplies = (await second.RowsAsync<Message>(q => q.Where(m => m.ConversationId == conversationId && m.Sender == MessageSender.Bot))).Count;

        // Redelivery: every consumer reads the whole log again, as after a crash before its cursor was saved.
        await second.DbAsync(d => d.Set<EventCursor>().Where(c => c.Name == "chatbot" || c.Name == "protection")
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Position, 0).SetProperty(c => c.TxId, 0), Ct));
        await WaitForCursorsAsync(second, last, "chatbot", "protection");

        Assert.Equal(botReplies, (await second.RowsAsync<Message>(q => q.Where(m => m.ConversationId == conversationId && m.Sender == MessageSender.Bot))).Count);
        Assert.Single(await second.RowsAsync<EventLogEntry>(q => q.Where(e => e.ConversationId == conversationId && e.Type == "BotHandedOff")));
        Assert.Equal(1, Assert.Single(await second.RowsAsync<ProtectionIncident>(q => q.Where(i => i.ConversationId == conversationId))).AbusiveMessages);
    }

    [Fact]
    public async Task A_poison_event_is_set_aside_with_its_error_and_the_stream_goes_on()
    {
        await using var app = await MinwonApp.StartAsync(Db.Sqlite, BotOn);
        var citizen = app.CitizenClient();
        var chat = await BotChatAsync(citizen);
        var poison = await app.DbAsync(async d =>
        {
            var row = new EventLogEntry { Type = "MessageSent", ConversationId = chat.ConversationId, Payload = "{\"Seq\":\"not a number\"}" };
            d.Add(row);
            await d.SaveChangesAsync(Ct);
            return row.Id;
        });
        var question = await citizen.SayAsync(chat.Token, "주차 과태료 어디서 내요");
        await WaitForCursorsAsync(app, await LastEventAsync(app), "chatbot");

        var dead = Assert.Single(await app.RowsAsync<EventDeadLetter>(q => q.Where(d => d.Consumer == "chatbot")));
        Assert.Equal(poison, dead.EventId);
        Assert.Contains("Unreadable", dead.Error, StringComparison.Ordinal);
        Assert.NotEmpty(await app.RowsAsync<Message>(q => q.Where(m => m.ConversationId == chat.ConversationId && m.Sender == MessageSender.Bot && m.Seq > question.Seq)));
    }

    private static async Task<StartChatResponse> BotChatAsync(HttpClient citizen)
    {
        using var response = await citizen.PostAsJsonAsync("/api/chat/conversations", new StartChatRequest("ko", "홍길동", null, null), Ct);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<StartChatResponse>(Ct))!;
    }

    /// <summary>The last event in the log's order; on PostgreSQL it need not hold the highest id (see <see cref="EventPosition"/>).</summary>
    private static Task<EventPosition> LastEventAsync(MinwonApp app) =>
        app.DbAsync(d => d.Set<EventLogEntry>().OrderByDescending(e => e.TxId).ThenByDescending(e => e.Id).Select(e => new EventPosition(e.TxId, e.Id)).FirstAsync(Ct));

    private static async Task WaitForCursorsAsync(MinwonApp app, EventPosition end, params string[] names)
    {
        for (var i = 0; i < 300; i++)
        {
            var cursors = await app.RowsAsync<EventCursor>(q => q.Where(c => names.Contains(c.Name)));
            if (cursors.Count == names.Length && cursors.All(c => c.At.CompareTo(end) >= 0))
            {
                return;
            }

            await Task.Delay(100, Ct);
        }

        Assert.Fail($"Consumers {string.Join(", ", names)} did not reach the end of the log {end} within 30 s.");
    }
}
