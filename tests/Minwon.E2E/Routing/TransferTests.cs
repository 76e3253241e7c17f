using Microsoft.Playwright;
using Minwon.E2E.Conversations;
using Minwon.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Minwon.E2E.Routing;

public sealed class TransferTests(E2EFixture fixture)
{
    [Fact]
    public async Task A_counsellor_hands_a_chat_to_a_colleague_who_sees_the_whole_history()
    {
        fixture.RequireBrowser();
        await using var chat = await Consultation.ConnectAsync(fixture, "counsellor1", "minwon-demo-1", "쓰레기 무단투기");
        await using var colleagueContext = await fixture.StaffAsync();
        var colleague = new StaffDesk(await colleagueContext.NewPageAsync());
        await colleague.SignInAsync("counsellor2", "minwon-demo-2");
        await colleague.GoAvailableAsync();
        await chat.Citizen.SendAsync("골목에 쓰레기를 계속 버려요");
        await chat.Desk.WaitForAsync("골목에 쓰레기를 계속 버려요");

        await chat.Desk.Page.GetByLabel("이관 상담사").SelectOptionAsync(new SelectOptionValue { Label = "이준호" });
        await chat.Desk.Page.GetByRole(AriaRole.Button, new() { Name = "이관", Exact = true }).ClickAsync();

        await Expect(chat.Citizen.Messages.Filter(new() { HasText = "다른 상담사에게 연결해 드리고 있습니다." })).ToHaveCountAsync(1);
        await Expect(chat.Desk.Page.Locator("li[data-conversation]").Filter(new() { HasText = chat.CitizenName })).ToHaveCountAsync(0);
        try
        {
            await colleague.AcceptAsync(chat.CitizenName);
            await colleague.WaitForAsync("골목에 쓰레기를 계속 버려요");
            await Expect(chat.Citizen.Status).ToContainTextAsync("이준호 상담사와 상담 중입니다");
            await colleague.SendAsync("이준호입니다. 위치를 알려주시면 청소과에 전달하겠습니다.");
            await chat.Citizen.WaitForAsync("이준호입니다. 위치를 알려주시면 청소과에 전달하겠습니다.");

            string[] said = ["골목에 쓰레기를 계속 버려요", "이준호입니다. 위치를 알려주시면 청소과에 전달하겠습니다."];
            LiveConsultationTests.AssertSeenOnceInOrder(await chat.Citizen.ReadAsync(), said);
            LiveConsultationTests.AssertSeenOnceInOrder(await colleague.ReadAsync(), said);
        }
        finally
        {
            await colleague.GoOfflineAsync();
        }
    }
}
