using Microsoft.Playwright;
using Minwon.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Minwon.E2E.Conversations;

public sealed class LiveConsultationTests(E2EFixture fixture)
{
    [Fact]
    public async Task A_chat_ends_in_a_case_that_the_counsellor_sees_when_the_citizen_comes_back()
    {
        fixture.RequireBrowser();
        await using var chat = await Consultation.ConnectAsync(fixture, "counsellor1", "minwon-demo-1", "불법 주정차 신고");
        var citizen = chat.Citizen;
        var desk = chat.Desk;

        string[] citizenSays = ["안녕하세요 집앞에 차가 계속 불법주차 되어있어요", "강남구 역삼동이에요"];
        string[] counsellorSays = ["안녕하세요, 120 다산콜재단 상담사입니다. 위치를 알려주시겠어요?", "구청 주차단속반에 전달하겠습니다."];
        await citizen.Page.Locator("#text").FillAsync("안녕하세요");
        await Expect(desk.Page.Locator(".typing")).ToHaveTextAsync("시민이 입력 중입니다…");
        await citizen.SendAsync(citizenSays[0]);
        await desk.WaitForAsync(citizenSays[0]);
        await Expect(desk.Page.Locator(".typing")).ToHaveTextAsync("");
        await desk.Page.Locator("#reply").PressSequentiallyAsync("안녕");
        await Expect(citizen.Page.GetByText("상담사가 입력 중입니다…")).ToBeVisibleAsync();
        await desk.SendAsync(counsellorSays[0]);
        await citizen.WaitForAsync(counsellorSays[0]);
        await Expect(citizen.Page.GetByText("상담사가 입력 중입니다…")).ToBeHiddenAsync();
        await citizen.SendAsync(citizenSays[1]);
        await desk.WaitForAsync(citizenSays[1]);
        await desk.SendAsync(counsellorSays[1], pressEnter: true);
        await citizen.WaitForAsync(counsellorSays[1]);

        string[] spoken = [citizenSays[0], counsellorSays[0], citizenSays[1], counsellorSays[1]];
        AssertSeenOnceInOrder(await citizen.ReadAsync(), spoken);
        AssertSeenOnceInOrder(await desk.ReadAsync(), spoken);
        await E2EFixture.ScreenshotAsync(citizen.Page, "citizen-chat-phone");
        await E2EFixture.ScreenshotAsync(desk.Page, "desk-conversation");

        var receipt = await desk.CloseCaseAsync("강남구", "역삼동 불법 주정차 신고, 구청 단속반 전달");

        Assert.Matches(@"\d", receipt);
        await Expect(citizen.Messages.Filter(new() { HasText = "상담이 종료되었습니다. 이용해 주셔서 감사합니다." })).ToHaveCountAsync(1);
        await Expect(citizen.Status).ToHaveTextAsync("상담이 종료되었습니다. 접수번호 " + receipt);
        await Expect(citizen.Page.Locator("#send")).ToBeDisabledAsync();
        await E2EFixture.ScreenshotAsync(citizen.Page, "citizen-chat-closed-phone");
        await E2EFixture.ScreenshotAsync(desk.Page, "desk-after-close");

        await citizen.Page.GetByRole(AriaRole.Button, new() { Name = "새 상담 시작" }).ClickAsync();
        await Expect(citizen.Page.GetByRole(AriaRole.Button, new() { Name = "상담 시작", Exact = true })).ToBeVisibleAsync();
        await Expect(citizen.Page.Locator("#chat")).ToBeHiddenAsync();

        await citizen.StartAsync(chat.CitizenName, "단속 결과 문의");
        await desk.AcceptAsync(chat.CitizenName);
        var history = desk.Page.GetByRole(AriaRole.Region, new() { Name = "민원 기록" });
        await Expect(history.GetByRole(AriaRole.Heading, new() { Name = "이전 민원 (1)" })).ToBeVisibleAsync();
        // The previous cases' own list: the all-channel history below it names the same receipt (Channels/Contacts).
        await Expect(history.Locator("#previous-cases").GetByRole(AriaRole.Listitem).Filter(new() { HasText = receipt }))
            .ToContainTextAsync("역삼동 불법 주정차 신고");
        await E2EFixture.ScreenshotAsync(desk.Page, "desk-returning-citizen");
    }

    [Fact]
    public async Task Markup_in_messages_is_shown_as_text_on_both_screens()
    {
        fixture.RequireBrowser();
        await using var chat = await Consultation.ConnectAsync(fixture, "counsellor1", "minwon-demo-1", "문의");
        var dialogs = new List<string>();
        chat.Citizen.Page.Dialog += (_, d) => { dialogs.Add(d.Message); _ = d.DismissAsync(); };
        chat.Desk.Page.Dialog += (_, d) => { dialogs.Add(d.Message); _ = d.DismissAsync(); };
        const string fromCitizen = "<img src=x onerror=alert('citizen')><script>alert(1)</script><b>굵게</b>";
        const string fromCounsellor = "<script>alert('counsellor')</script><i>기울임</i> & 안내";

        await chat.Citizen.SendAsync(fromCitizen);
        await chat.Desk.WaitForAsync(fromCitizen);
        await chat.Desk.SendAsync(fromCounsellor);
        await chat.Citizen.WaitForAsync(fromCounsellor);

        Assert.Empty(dialogs);
        foreach (var page in new[] { chat.Citizen.Page, chat.Desk.Page })
        {
            Assert.Equal(0, await page.Locator(".bubble img, .bubble script, .bubble b, .bubble i").CountAsync());
            await Expect(page.GetByText(fromCitizen, new() { Exact = true })).ToBeVisibleAsync();
            await Expect(page.GetByText(fromCounsellor, new() { Exact = true })).ToBeVisibleAsync();
        }
    }

    internal static void AssertSeenOnceInOrder(List<ChatLine> lines, IReadOnlyList<string> expected)
    {
        var seqs = lines.Select(l => l.Seq).ToList();
        Assert.Equal(seqs.Order(), seqs);
        Assert.Equal(seqs.Distinct().Count(), seqs.Count);
        var said = lines.Where(l => l.Sender != "event").Select(l => l.Text).ToList();
        Assert.Equal(expected, said);
    }
}
