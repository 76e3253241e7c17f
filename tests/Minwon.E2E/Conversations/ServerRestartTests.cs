using Minwon.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Minwon.E2E.Conversations;

public sealed class ServerRestartTests(E2EFixture fixture)
{
    [Fact]
    public async Task A_conversation_survives_a_server_crash_and_the_citizen_reconnects_by_itself()
    {
        fixture.RequireBrowser();
        var ct = TestContext.Current.CancellationToken;
        await using var server = await MinwonServer.StartAsync(cancellationToken: ct);
        await using var chat = await Consultation.ConnectAsync(fixture, "counsellor1", "minwon-demo-1", "주민등록 등본", server.BaseUrl);
        await chat.Citizen.SendAsync("등본 인터넷으로 뗄 수 있나요");
        await chat.Desk.WaitForAsync("등본 인터넷으로 뗄 수 있나요");
        await chat.Desk.SendAsync("네, 정부24에서 발급하실 수 있습니다.");
        await chat.Citizen.WaitForAsync("네, 정부24에서 발급하실 수 있습니다.");

        await server.RestartAsync(ct);
        const string afterCrash = "수수료는 얼마인가요";
        await chat.Citizen.SendAsync(afterCrash);

        // Up to the 10 s retry cap of the page's reconnect policy after the server is back.
        await chat.Citizen.WaitForAsync(afterCrash, timeout: 40_000);
        await Expect(chat.Citizen.Status).ToContainTextAsync("상담사와 상담 중입니다");
        await chat.Desk.Page.ReloadAsync();
        await Expect(chat.Desk.Page.Locator("[data-interactive]")).ToHaveCountAsync(1);
        await chat.Desk.OpenAsync(chat.CitizenName);
        await chat.Desk.WaitForAsync(afterCrash);
        await chat.Desk.SendAsync("인터넷 발급은 무료입니다.");
        await chat.Citizen.WaitForAsync("인터넷 발급은 무료입니다.");

        string[] expected = ["등본 인터넷으로 뗄 수 있나요", "네, 정부24에서 발급하실 수 있습니다.", afterCrash, "인터넷 발급은 무료입니다."];
        LiveConsultationTests.AssertSeenOnceInOrder(await chat.Citizen.ReadAsync(), expected);
        LiveConsultationTests.AssertSeenOnceInOrder(await chat.Desk.ReadAsync(), expected);
    }
}
