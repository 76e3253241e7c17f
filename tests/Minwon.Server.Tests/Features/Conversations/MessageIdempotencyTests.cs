using System.Net;
using System.Net.Http.Json;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Tests.Testing;
using Minwon.Core.Conversations;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Tests.Features.Conversations;

/// <summary>Messages are stored once and numbered 1, 2, 3 ... however often and however concurrently they are sent.</summary>
public sealed class MessageIdempotencyTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_message_retried_with_the_same_client_id_is_stored_once_and_answered_with_the_stored_copy(Db db)
    {
        var app = await apps.GetAsync(db);
        var counsellor = await app.CounsellorAsync();
        using var citizen = app.CitizenClient();
        var chat = await app.ServedChatAsync(counsellor, citizen);

        var first = await citizen.SayAsync(chat.Token, "버스 정류장 위치 문의드려요", clientMessageId: "retry-1");
        var retry = await citizen.SayAsync(chat.Token, "버스 정류장 위치 문의드려요", clientMessageId: "retry-1");
        var reply = await counsellor.ReplyAsync(chat.ConversationId, "어느 정류장 말씀이세요?", clientMessageId: "desk-1");
        var replyAgain = await counsellor.ReplyAsync(chat.ConversationId, "어느 정류장 말씀이세요?", clientMessageId: "desk-1");

        // PostgreSQL keeps microseconds, so the stored copy's time may differ from the first answer's below that.
        Assert.Equal(first with { CreatedAt = default }, retry with { CreatedAt = default });
        Assert.Equal(reply with { CreatedAt = default }, replyAgain with { CreatedAt = default });
        var stored = await app.MessagesOfAsync(chat.ConversationId);
        Assert.Single(stored, m => m.ClientMessageId == "retry-1");
        Assert.Single(stored, m => m.ClientMessageId == "desk-1");
        Assert.Equal(Enumerable.Range(1, stored.Count), stored.Select(m => m.Seq));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Twenty_concurrent_messages_from_both_sides_get_consecutive_sequence_numbers_without_gaps_or_duplicates(Db db)
    {
        var app = await apps.GetAsync(db);
        var counsellor = await app.CounsellorAsync();
        using var citizen = app.CitizenClient();
        var chat = await app.ServedChatAsync(counsellor, citizen);
        var before = (await app.SnapshotAsync(chat.ConversationId)).LastSeq;

        var sent = await Task.WhenAll(Enumerable.Range(1, 20).Select(i => i % 2 == 0
            ? counsellor.ReplyAsync(chat.ConversationId, $"상담사 답변 {i}", $"agent-{i}")
            : citizen.SayAsync(chat.Token, $"시민 질문 {i}", $"citizen-{i}")));

        Assert.Equal(Enumerable.Range(before + 1, 20), sent.Select(m => m.Seq).Order());
        var stored = await app.MessagesOfAsync(chat.ConversationId);
        Assert.Equal(Enumerable.Range(1, before + 20), stored.Select(m => m.Seq));
        Assert.Equal(20, stored.Count(m => m.Kind == MessageKind.Text));
        Assert.Equal(before + 20, (await app.SnapshotAsync(chat.ConversationId)).LastSeq);
        Assert.All(sent, m => Assert.Equal(m.Body, stored.Single(s => s.Seq == m.Seq).Body));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Twenty_concurrent_retries_of_one_message_store_it_once(Db db)
    {
        var app = await apps.GetAsync(db);
        using var citizen = app.CitizenClient();
        var chat = await app.StartChatAsync(http: citizen);

        var responses = await Task.WhenAll(Enumerable.Range(1, 20).Select(_ =>
            citizen.PostAsJsonAsync($"/api/chat/{chat.Token}/messages", new PostMessageRequest("여보세요? 연결이 안 되나요", "same-id"), Ct)));

        foreach (var response in responses)
        {
            await ChatApi.ExpectAsync(HttpStatusCode.OK, response);
        }

        var answers = await Task.WhenAll(responses.Select(r => r.Content.ReadFromJsonAsync<MessageDto>(Ct)));
        Assert.Single(answers.Select(a => a!.Seq).Distinct());
        var stored = await app.MessagesOfAsync(chat.ConversationId);
        Assert.Single(stored, m => m.Kind == MessageKind.Text);
        Assert.Equal(Enumerable.Range(1, stored.Count), stored.Select(m => m.Seq));
    }
}
