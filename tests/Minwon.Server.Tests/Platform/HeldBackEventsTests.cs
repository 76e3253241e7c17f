using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minwon.Server.Data;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Platform.Events;
using Minwon.Server.Tests.Testing;
using Npgsql;

namespace Minwon.Server.Tests.Platform;

/// <summary>
/// On PostgreSQL a consumer reads only events older than the oldest write transaction still running (the snapshot's
/// xmin, which is cluster-wide). When that transaction ends it writes no event and wakes nobody: a consumer that had
/// found its events held back used to sleep until its poll (two minutes here), which is how CrossNodeWakeTests failed
/// in CI while other tests' transactions ran on the same cluster.
/// </summary>
public sealed class HeldBackEventsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Events_held_back_behind_a_running_transaction_are_handled_when_it_ends_without_waiting_for_the_poll()
    {
        TestPostgres.SkipUnlessAvailable();
        await using var app = await MinwonApp.StartAsync(Db.Postgres, new Dictionary<string, string?>
        {
            ["Minwon:Chatbot:Enabled"] = "true", ["Minwon:Events:PollMilliseconds"] = "120000",
        });
        var citizen = app.CitizenClient();
        using var started = await citizen.PostAsJsonAsync("/api/chat/conversations", new StartChatRequest("ko", "시민", null, null), Ct);
        var chat = (await started.Content.ReadFromJsonAsync<StartChatResponse>(Ct))!;

        // A write transaction that stays open: it holds the horizon, like a long import or another database's work.
        await using var blocker = new NpgsqlConnection(app.Postgres);
        await blocker.OpenAsync(Ct);
        await using var transaction = await blocker.BeginTransactionAsync(Ct);
        await using (var xid = new NpgsqlCommand("SELECT pg_current_xact_id()", blocker, transaction))
        {
            await xid.ExecuteScalarAsync(Ct);
        }

        var question = await citizen.SayAsync(chat.Token, "주차 과태료 어디서 내요");
        var questionEvent = await app.DbAsync(d => d.Set<EventLogEntry>().Where(e => e.Type == "MessageSent" && e.ConversationId == chat.ConversationId)
            .OrderByDescending(e => e.Id).FirstAsync(Ct));
        var from = new EventPosition(questionEvent.TxId, questionEvent.Id - 1);
        var held = await ReadAsync(app, from);
        Assert.True(held.HeldBack, "the question's event committed after the open transaction began, so it must wait behind it");
        Assert.Empty(held.Events);
        await Task.Delay(1000, Ct);
        Assert.DoesNotContain(await citizen.MessagesAsync(chat.Token, question.Seq), m => m.Sender == "bot");

        // Ends without an event: no commit pulse. The bot must still answer well before its two-minute poll.
        await transaction.RollbackAsync(Ct);
        for (var wait = 0; !(await citizen.MessagesAsync(chat.Token, question.Seq)).Any(m => m.Sender == "bot"); wait++)
        {
            Assert.True(wait < 200, "the bot did not answer within 20 s of the transaction ending (its poll is two minutes)");
            await Task.Delay(100, Ct);
        }

        // Readable now (later rows may still wait behind other transactions on the cluster, so HeldBack is not asserted).
        Assert.Equal(questionEvent.Id, (await ReadAsync(app, from)).Events.First().Id);
    }

    private static async Task<EventBatch> ReadAsync(MinwonApp app, EventPosition from)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await EventReader.ReadAsync(scope.ServiceProvider.GetRequiredService<MinwonDbContext>(), from, 10, Ct);
    }
}
