using Minwon.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Minwon.E2E.Conversations;

public sealed class ReconnectTests(E2EFixture fixture)
{
    [Fact]
    public async Task After_a_connection_drop_every_message_shows_once_in_order_on_both_sides()
    {
        fixture.RequireBrowser();
        await using var chat = await Consultation.ConnectAsync(fixture, "counsellor2", "minwon-demo-2", "버스 노선 문의");
        await chat.Citizen.SendAsync("472번 버스 배차간격이 궁금해요");
        await chat.Desk.WaitForAsync("472번 버스 배차간격이 궁금해요");

        await chat.CitizenContext.SetOfflineAsync(true);
        await Expect(chat.Citizen.Status).ToContainTextAsync("연결이 끊겼습니다");
        string[] whileAway = ["확인해 보겠습니다.", "평일 낮에는 8~10분 간격입니다.", "주말에는 12분 정도입니다."];
        foreach (var text in whileAway)
        {
            await chat.Desk.SendAsync(text);
        }

        const string offlineText = "혹시 막차 시간도 알 수 있을까요";
        await chat.Citizen.SendAsync(offlineText);
        await Expect(chat.Citizen.Page.Locator("#messages > li.pending")).ToHaveCountAsync(1);
        Assert.Equal(0, await chat.Desk.Page.Locator("#chatlog .bubble").GetByText(offlineText).CountAsync());

        await chat.CitizenContext.SetOfflineAsync(false);
        foreach (var text in whileAway)
        {
            await chat.Citizen.WaitForAsync(text);
        }

        await chat.Citizen.WaitForAsync(offlineText);
        await chat.Desk.WaitForAsync(offlineText);
        await Expect(chat.Citizen.Page.Locator("#messages > li.pending")).ToHaveCountAsync(0);
        await Expect(chat.Citizen.Status).ToContainTextAsync("상담사와 상담 중입니다");

        string[] expected = ["472번 버스 배차간격이 궁금해요", .. whileAway, offlineText];
        LiveConsultationTests.AssertSeenOnceInOrder(await chat.Citizen.ReadAsync(), expected);
        LiveConsultationTests.AssertSeenOnceInOrder(await chat.Desk.ReadAsync(), expected);
        var citizenSeqs = (await chat.Citizen.ReadAsync()).Select(l => l.Seq);
        var deskSeqs = (await chat.Desk.ReadAsync()).Select(l => l.Seq);
        Assert.Equal(deskSeqs, citizenSeqs);

        await chat.Citizen.Page.ReloadAsync();
        await chat.Citizen.WaitForAsync(offlineText);
        LiveConsultationTests.AssertSeenOnceInOrder(await chat.Citizen.ReadAsync(), expected);
    }
}
