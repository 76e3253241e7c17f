using System.Net;
using System.Net.Http.Json;
using Minwon.Server.Features.Reference;
using Minwon.Server.Tests.Testing;

namespace Minwon.Server.Tests.Features.Conversations;

/// <summary>One consultation end to end over HTTP, as the citizen page and the counsellor desk drive it.</summary>
public sealed class ConversationFlowTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_citizen_is_offered_accepted_served_and_closed_with_a_case_their_next_counsellor_sees(Db db)
    {
        await using var app = await MinwonApp.StartAsync(db);
        var counsellor = await app.CounsellorAsync();
        await counsellor.GoAvailableAsync();
        using var citizen = app.CitizenClient();

        var chat = await app.StartChatAsync(http: citizen);
        var waiting = await citizen.StateAsync(chat.Token);
        Assert.Equal("queued", waiting.Status);
        Assert.Equal(1, waiting.Position);

        Assert.Equal(1, (await app.RouteAsync()).Offered);
        var offer = Assert.Single(await counsellor.MyConversationsAsync());
        Assert.Equal((chat.ConversationId, "offered"), (offer.Id, offer.Status));

        await counsellor.AcceptAsync(chat.ConversationId);
        var serving = await citizen.StateAsync(chat.Token);
        Assert.Equal("assigned", serving.Status);
        Assert.Equal(counsellor.DisplayName, serving.CounsellorName);

        var question = await citizen.SayAsync(chat.Token, "집 앞에 불법주정차 차량이 있어요 신고하려구요");
        var answer = await counsellor.ReplyAsync(chat.ConversationId, "네, 정확한 위치를 알려주시겠어요?");
        var place = await citizen.SayAsync(chat.Token, "마포구 월드컵로 212 앞이에요");

        var seen = await citizen.MessagesAsync(chat.Token);
        Assert.Equal(Enumerable.Range(1, seen.Count), seen.Select(m => m.Seq));
        Assert.Equal([question.Seq, answer.Seq, place.Seq], seen.Where(m => m.Kind == "text").Select(m => m.Seq));
        Assert.Equal(["citizen", "agent", "citizen"], seen.Where(m => m.Kind == "text").Select(m => m.Sender));
        Assert.Equal(counsellor.DisplayName, seen.Single(m => m.Sender == "agent").SenderName);
        var desk = await counsellor.ConversationAsync(chat.ConversationId);
        Assert.Equal(seen.Select(m => (m.Seq, m.Body)), desk.Messages.Select(m => (m.Seq, m.Body)));

        var category = (await citizen.GetFromJsonAsync<List<Category>>("/api/reference/categories", Ct))!.First();
        var mapo = (await citizen.GetFromJsonAsync<List<District>>("/api/reference/districts", Ct))!.Single(d => d.NameKo == "마포구");
        var filed = await counsellor.CloseAsync(chat.ConversationId, category.Id, mapo.Code, "월드컵로 212 불법주정차 신고, 구청 전달",
            "ForwardedToDistrict");
        Assert.Matches(@"^\d{4}-\d{4}-\d{6}$", filed.ReceiptNumber);
        Assert.Equal("closed", (await citizen.StateAsync(chat.Token)).Status);
        Assert.Contains("종료", (await citizen.MessagesAsync(chat.Token, after: place.Seq)).Single().Body);

        var again = await app.StartChatAsync(contactKey: chat.ContactKey, http: citizen);
        Assert.Equal(1, (await app.RouteAsync()).Offered);
        var second = await counsellor.ConversationAsync(again.ConversationId);
        Assert.Equal(desk.Conversation.ContactId, second.Conversation.ContactId);
        var history = Assert.Single(await counsellor.CasesOfAsync(second.Conversation.ContactId));
        Assert.Equal((filed.ReceiptNumber, category.Id, mapo.Code, "ForwardedToDistrict"),
            (history.ReceiptNumber, history.CategoryId, history.DistrictCode, history.Disposition));
        // A road name with its building number is an address detail (issue 13): the stored summary has it masked.
        Assert.Equal("**** *** 불법주정차 신고, 구청 전달", history.Summary);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_citizen_who_leaves_while_waiting_is_never_offered(Db db)
    {
        await using var app = await MinwonApp.StartAsync(db);
        using var citizen = app.CitizenClient();
        var chat = await app.StartChatAsync(http: citizen);
        using (var left = await citizen.PostAsync($"/api/chat/{chat.Token}/leave", null, Ct))
        {
            await ChatApi.ExpectAsync(HttpStatusCode.NoContent, left);
        }

        var counsellor = await app.CounsellorAsync();
        await counsellor.GoAvailableAsync();
        Assert.Equal(0, (await app.RouteAsync()).Offered);
        Assert.Equal("abandoned", (await citizen.StateAsync(chat.Token)).Status);
        Assert.Empty(await counsellor.MyConversationsAsync());
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_citizen_who_leaves_mid_chat_leaves_the_counsellor_in_wrap_up_to_file_the_case(Db db)
    {
        await using var app = await MinwonApp.StartAsync(db);
        var counsellor = await app.CounsellorAsync();
        using var citizen = app.CitizenClient();
        var chat = await app.ServedChatAsync(counsellor, citizen);
        await citizen.SayAsync(chat.Token, "아 됐어요 그냥 끊을게요");

        using (var left = await citizen.PostAsync($"/api/chat/{chat.Token}/leave", null, Ct))
        {
            await ChatApi.ExpectAsync(HttpStatusCode.NoContent, left);
        }

        Assert.Equal("wrapup", (await counsellor.ConversationAsync(chat.ConversationId)).Conversation.Status);
        var filed = await counsellor.CloseAsync(chat.ConversationId, null, null, "시민이 상담 중 종료", "Abandoned");
        Assert.Equal("Abandoned", filed.Disposition);
        Assert.Equal("closed", (await citizen.StateAsync(chat.Token)).Status);
    }
}
