using System.Net;
using Minwon.Core.Conversations;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Tests.Testing;

namespace Minwon.Server.Tests.Features.Routing;

/// <summary>An accept that lands while the router expires the same offer: exactly one of them wins.</summary>
public sealed class OfferRaceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task An_accept_racing_the_offer_timeout_leaves_the_chat_with_exactly_one_counsellor(Db db)
    {
        await using var app = await MinwonApp.StartAsync(db);
        var (a, b) = (await app.CounsellorAsync(maxConcurrent: 10), await app.CounsellorAsync(maxConcurrent: 10));
        await a.GoAvailableAsync();
        await b.GoAvailableAsync();
        for (var round = 0; round < 4; round++)
        {
            var chat = await app.StartChatAsync();
            await app.RouteAsync();
            var first = (await app.RowsAsync<Conversation>(q => q.Where(c => c.Id == chat.ConversationId))).Single().OfferedToId;
            var (late, next) = first == a.Id ? (a, b) : (b, a);
            app.Clock!.Advance(TimeSpan.FromSeconds(21));

            var accept = late.Http.PostAsync($"/api/conversations/{chat.ConversationId}/accept", null, Ct);
            var pass = app.RouteAsync();
            using var accepted = await accept;
            await pass;

            var conversation = (await app.RowsAsync<Conversation>(q => q.Where(c => c.Id == chat.ConversationId))).Single();
            if (accepted.StatusCode == HttpStatusCode.NoContent)
            {
                Assert.Equal((ConversationStatus.Assigned, late.Id, null), (conversation.Status, conversation.AssignedToId, conversation.OfferedToId));
            }
            else
            {
                Assert.Equal(HttpStatusCode.Conflict, accepted.StatusCode);
                Assert.Null(conversation.AssignedToId);
                Assert.Equal((ConversationStatus.Offered, next.Id), (conversation.Status, conversation.OfferedToId));
                await next.AcceptAsync(chat.ConversationId);
            }

            var joined = (await app.MessagesOfAsync(chat.ConversationId)).Count(m => m.Body.Contains("연결되었습니다", StringComparison.Ordinal));
            Assert.Equal(1, joined);
            TestContext.Current.TestOutputHelper?.WriteLine($"Round {round}: {(accepted.IsSuccessStatusCode ? "the late accept" : "the timeout")} won");
        }
    }
}
