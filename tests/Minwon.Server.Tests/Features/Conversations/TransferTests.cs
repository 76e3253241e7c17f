using Minwon.Server.Tests.Testing;

namespace Minwon.Server.Tests.Features.Conversations;

/// <summary>A counsellor hands a chat on; the citizen keeps the whole history and the new counsellor sees it.</summary>
public sealed class TransferTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_chat_transferred_to_the_English_queue_goes_to_an_English_speaking_counsellor_with_its_history(Db db)
    {
        await using var app = await MinwonApp.StartAsync(db);
        var korean = await app.CounsellorAsync();
        var english = await app.CounsellorAsync(skills: "lang:en=10,channel:chat=8");
        await korean.GoAvailableAsync();
        await english.GoAvailableAsync();
        using var citizen = app.CitizenClient();
        var chat = await app.StartChatAsync(http: citizen);
        await app.RouteAsync();
        await korean.AcceptAsync(chat.ConversationId);
        var said = await citizen.SayAsync(chat.Token, "I'd like to speak English please");

        var englishQueue = (await korean.QueuesAsync()).Single(q => q.Name == "English");
        await korean.TransferAsync(chat.ConversationId, queueId: englishQueue.Id);
        Assert.Equal("queued", (await citizen.StateAsync(chat.Token)).Status);
        Assert.Empty(await korean.MyConversationsAsync());

        Assert.Equal(1, (await app.RouteAsync()).Offered);
        await english.AcceptAsync(chat.ConversationId);
        var detail = await english.ConversationAsync(chat.ConversationId);
        Assert.Equal(englishQueue.Id, detail.Conversation.QueueId);
        Assert.Contains(detail.Messages, m => m.Seq == said.Seq && m.Body == said.Body);
        Assert.Equal(Enumerable.Range(1, detail.Messages.Count), detail.Messages.Select(m => m.Seq));
        Assert.Equal(english.DisplayName, (await citizen.StateAsync(chat.Token)).CounsellorName);
        var reply = await english.ReplyAsync(chat.ConversationId, "Hello, how can I help you?");
        Assert.Equal(detail.Messages[^1].Seq + 1, reply.Seq);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_chat_transferred_to_a_named_counsellor_is_offered_to_them_even_when_another_has_waited_longer(Db db)
    {
        await using var app = await MinwonApp.StartAsync(db);
        var first = await app.CounsellorAsync();
        var second = await app.CounsellorAsync();
        await first.GoAvailableAsync();
        await second.GoAvailableAsync();
        using var citizen = app.CitizenClient();
        var chat = await app.StartChatAsync(http: citizen);
        await app.RouteAsync();
        var holder = (await first.MyConversationsAsync()).Count == 1 ? first : second;
        var idleLonger = holder == first ? second : first;
        await holder.AcceptAsync(chat.ConversationId);

        // The named counsellor comes in last, so without the transfer the router would prefer the one idle longer.
        app.Clock!.Advance(TimeSpan.FromMinutes(5));
        var named = await app.CounsellorAsync();
        await named.GoAvailableAsync();
        await holder.TransferAsync(chat.ConversationId, agentId: named.Id);

        Assert.Equal(1, (await app.RouteAsync()).Offered);
        Assert.Empty(await idleLonger.MyConversationsAsync());
        Assert.Equal(chat.ConversationId, Assert.Single(await named.MyConversationsAsync()).Id);
        await named.AcceptAsync(chat.ConversationId);
        Assert.Equal(named.DisplayName, (await citizen.StateAsync(chat.Token)).CounsellorName);
    }
}
