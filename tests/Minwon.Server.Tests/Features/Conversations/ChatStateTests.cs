using Microsoft.AspNetCore.SignalR.Client;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Platform.Events;
using Minwon.Server.Tests.Testing;

namespace Minwon.Server.Tests.Features.Conversations;

/// <summary>Issue 9 item 17: what the citizen's status line is told when the conversation changes and ends.</summary>
public sealed class ChatStateTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task The_citizen_is_pushed_each_change_and_told_the_receipt_number_when_the_case_is_closed(Db db)
    {
        await using var app = await MinwonApp.StartAsync(db);
        var counsellor = await app.CounsellorAsync();
        var chat = await app.StartChatAsync();
        await using var hub = app.CitizenHub();
        var changed = 0;
        hub.On("Changed", () => Interlocked.Increment(ref changed));
        await hub.StartAsync(Ct);
        await hub.InvokeAsync<List<MessageDto>>("Join", chat.Token, 0, Ct);

        await app.OfferAsync(chat.ConversationId, counsellor.Id);
        await counsellor.AcceptAsync(chat.ConversationId);
        await UntilAsync(() => Volatile.Read(ref changed) >= 1, "a Changed push after the accept");
        using var citizen = app.CitizenClient();
        var during = await citizen.StateAsync(chat.Token);
        Assert.Equal(("assigned", null), (during.Status, during.ReceiptNumber));

        var seen = Volatile.Read(ref changed);
        var record = await counsellor.CloseAsync(chat.ConversationId, null, null, "주차 문의 안내");
        await UntilAsync(() => Volatile.Read(ref changed) > seen, "a Changed push after the close");
        var after = await hub.InvokeAsync<ChatState>("GetState", chat.Token, Ct);
        Assert.Equal("closed", after.Status);
        Assert.Equal(record.ReceiptNumber, after.ReceiptNumber);
        Assert.Null(after.EndReason);
    }

    private static async Task UntilAsync(Func<bool> done, string what)
    {
        for (var i = 0; i < 400 && !done(); i++)
        {
            await Task.Delay(25, Ct);
        }

        Assert.True(done(), "Timed out waiting for " + what);
    }
}
