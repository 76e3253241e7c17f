using Microsoft.EntityFrameworkCore;
using Minwon.Server.Features.Conversations;

namespace Minwon.Server.Tests.Testing;

/// <summary>What the database holds for a conversation, read past every API, to prove what was (not) stored.</summary>
public static class StoredMessages
{
    public static Task<List<Message>> MessagesOfAsync(this MinwonApp app, Guid conversationId) =>
        app.RowsAsync<Message>(q => q.Where(m => m.ConversationId == conversationId).OrderBy(m => m.Seq));

    public static async Task<(int LastSeq, int Count, string Status)> SnapshotAsync(this MinwonApp app, Guid conversationId)
    {
        var conversation = Assert.Single(await app.RowsAsync<Conversation>(q => q.Where(c => c.Id == conversationId)));
        var count = (await app.MessagesOfAsync(conversationId)).Count;
        return (conversation.LastSeq, count, conversation.Status.ToString());
    }

    public static Task<int> CountAsync<T>(this MinwonApp app) where T : class =>
        app.DbAsync(db => db.Set<T>().CountAsync(TestContext.Current.CancellationToken));
}
