using Microsoft.Playwright;
using Minwon.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Minwon.E2E.Ui;

/// <summary>
/// The citizen chat and the presence truth on a 390×844 phone (issue 9 items 7, 13, 14 and 17): the message box and the
/// status line stay on screen after several answers, nobody is promised a wait when no counsellor is there, a refused
/// message keeps its place with a retry button, a long paste is announced instead of cut, the receipt number is told.
/// </summary>
public sealed class PhoneChatTests(E2EFixture fixture)
{
    public const int Width = 390;
    public const int Height = 844;

    /// <summary>A phone of 390×844 (the size), touch, Korean.</summary>
    public static Task<IBrowserContext> PhoneAsync(E2EFixture fixture, Uri? baseUrl = null) => fixture.Browser.NewContextAsync(new BrowserNewContextOptions
    {
        BaseURL = (baseUrl ?? fixture.Server.BaseUrl).ToString(),
        ViewportSize = new ViewportSize { Width = Width, Height = Height },
        IsMobile = true,
        HasTouch = true,
        Locale = "ko-KR",
        TimezoneId = "Asia/Seoul",
    });

    [Fact]
    public async Task After_several_answers_the_message_box_and_status_stay_on_screen_and_the_case_receipt_is_told()
    {
        fixture.RequireBrowser();
        // A server of its own: on the shared one, citizens left waiting by earlier tests are offered first.
        await using var server = await MinwonServer.StartAsync([], TestContext.Current.CancellationToken);
        await using var phone = await PhoneAsync(fixture, server.BaseUrl);
        await using var staff = await fixture.StaffAsync(server.BaseUrl);
        var citizen = new CitizenChat(await phone.NewPageAsync());
        var name = "시민" + Guid.NewGuid().ToString("N")[..6];
        await citizen.OpenAsync();
        await Screens.CaptureAsync(citizen.Page, "citizen-chat-start", "/chat (phone)", "Start form: optional name and topic, the call button, English toggle.");
        await citizen.StartAsync(name, "주차 과태료 문의");
        await Expect(citizen.Page.Locator("#text")).ToBeFocusedAsync();
        await Expect(citizen.Status).ToContainTextAsync("대기 순번");

        var desk = new StaffDesk(await staff.NewPageAsync());
        await desk.SignInAsync("counsellor1", "minwon-demo-1");
        await desk.GoAvailableAsync();
        await desk.AcceptAsync(name);
        await Expect(citizen.Status).ToContainTextAsync("상담사와 상담 중입니다");
        for (var i = 1; i <= 6; i++)
        {
            await desk.SendAsync($"답변 {i}: 주정차 위반 과태료는 위반 장소를 관할하는 구청에서 부과합니다. 고지서의 가상계좌나 위택스, 은행 앱으로 내실 수 있습니다.");
            await citizen.WaitForAsync($"답변 {i}: 주정차 위반 과태료는 위반 장소를 관할하는 구청에서 부과합니다. 고지서의 가상계좌나 위택스, 은행 앱으로 내실 수 있습니다.");
            if (i % 2 == 0)
            {
                await citizen.SendAsync($"네 알겠습니다 {i}");
                await citizen.WaitForAsync($"네 알겠습니다 {i}");
            }
        }

        var page = citizen.Page;
        await AssertOnScreenAsync(page, "header.bar h1", Height);
        await AssertOnScreenAsync(page, "#status", Height);
        await AssertOnScreenAsync(page, "#text", Height);
        await AssertOnScreenAsync(page, "#send", Height);
        Assert.True(await page.EvaluateAsync<bool>("() => document.scrollingElement.scrollHeight <= window.innerHeight + 1"),
            "the page itself scrolls; only the message list should");
        Assert.True(await page.EvaluateAsync<bool>("() => { const l = document.getElementById('messages'); return l.scrollHeight > l.clientHeight; }"),
            "the message list should hold more than fits and scroll");
        await AssertOnScreenAsync(page, "#messages > li:last-child", Height);
        await Screens.CaptureAsync(page, "citizen-chat-conversation", "/chat (phone)",
            "A conversation after several answers: header, status line and message box stay put; only the messages scroll.");

        // The on-screen keyboard takes the lower part of the screen: the page follows the visual viewport.
        await page.SetViewportSizeAsync(Width, 460);
        await page.Locator("#text").FocusAsync();
        await AssertOnScreenAsync(page, "#text", 460);
        await AssertOnScreenAsync(page, "#status", 460);
        await page.SetViewportSizeAsync(Width, Height);

        await page.Locator("#text").FocusAsync();
        await page.Keyboard.InsertTextAsync(new string('가', 4_500));
        await Expect(page.Locator("#send-error")).ToContainTextAsync("4,000자");
        await Expect(page.Locator("#send-error")).ToContainTextAsync("4,500자");
        await Expect(page.Locator("#send")).ToBeDisabledAsync();
        Assert.Equal(4_500, await page.Locator("#text").EvaluateAsync<int>("t => t.value.length"));
        await Screens.CaptureAsync(page, "citizen-chat-too-long", "/chat (phone)", "A paste over 4,000 characters is kept and announced, and the send button waits.");
        await page.Locator("#text").FillAsync("");
        await Expect(page.Locator("#send-error")).ToBeHiddenAsync();
        await Expect(page.Locator("#send")).ToBeEnabledAsync();

        var receipt = await desk.CloseCaseAsync("마포구", "주차 과태료 납부 방법 안내");
        await Expect(citizen.Status).ToContainTextAsync("상담이 종료되었습니다");
        await Expect(citizen.Status).ToContainTextAsync("접수번호 " + receipt);
        await Screens.CaptureAsync(page, "citizen-chat-ended", "/chat (phone)", "The chat has ended: the status line gives the case's receipt number.");
        await desk.GoOfflineAsync();
    }

    [Fact]
    public async Task A_refused_message_keeps_its_place_with_a_retry_button_and_is_stored_once_when_retried()
    {
        fixture.RequireBrowser();
        // A server of its own: the flood limits count per client address, and every test's citizen is 127.0.0.1.
        await using var server = await MinwonServer.StartAsync([], TestContext.Current.CancellationToken);
        await using var phone = await PhoneAsync(fixture, server.BaseUrl);
        var citizen = new CitizenChat(await phone.NewPageAsync());
        await citizen.OpenAsync();
        await citizen.StartAsync("연속전송", "");
        await Expect(citizen.Status).ToContainTextAsync("대기 순번");

        // Twenty messages at once (a burst of ten is allowed): the flood limit refuses some of them.
        var typed = Enumerable.Range(1, 20).Select(i => $"연속 메시지 {i:00}").ToArray();
        await citizen.Page.EvaluateAsync("""
            texts => { for (const t of texts) { document.getElementById('text').value = t; document.getElementById('send-form').requestSubmit(); } }
            """, typed);
        var failed = citizen.Page.Locator("#messages > li.failed");
        await Expect(failed.First).ToBeVisibleAsync();
        await Expect(citizen.Page.Locator("#messages > li.pending:not(.failed)")).ToHaveCountAsync(0);
        await Expect(failed.First.GetByRole(AriaRole.Button, new() { Name = "다시 보내기" })).ToBeVisibleAsync();
        var shown = await citizen.Page.Locator("#messages > li.citizen .bubble").AllInnerTextsAsync();
        Assert.Equal(typed, shown.Where(t => t.StartsWith("연속 메시지", StringComparison.Ordinal)).ToArray());
        await Screens.CaptureAsync(citizen.Page, "citizen-chat-refused", "/chat (phone)", "Messages refused by the flood limit stay where they were typed, with a retry button.");

        // Until nothing is waiting: a retried message is pending (not failed) while its send is in flight, and may be
        // refused again, so the loop must not end on "no failed message" alone.
        var unsent = citizen.Page.Locator("#messages > li.pending");
        for (var round = 0; round < 120 && await unsent.CountAsync() > 0; round++)
        {
            await Task.Delay(1_000, TestContext.Current.CancellationToken);
            if (await failed.CountAsync() > 0)
            {
                await failed.First.GetByRole(AriaRole.Button, new() { Name = "다시 보내기" }).ClickAsync();
            }
        }

        foreach (var text in typed)
        {
            await citizen.WaitForAsync(text);
        }

        await Expect(failed).ToHaveCountAsync(0);
        await citizen.Page.GetByRole(AriaRole.Button, new() { Name = "상담 종료" }).ClickAsync();
    }

    [Fact]
    public async Task A_counsellor_who_closes_the_desk_shows_as_away_on_the_wallboard_and_no_citizen_is_promised_a_wait()
    {
        fixture.RequireBrowser();
        var ct = TestContext.Current.CancellationToken;
        await using var server = await MinwonServer.StartAsync(["--Minwon:Presence:AwayAfterSeconds=3"], ct);
        await using var supervisorPhone = await PhoneAsync(fixture, server.BaseUrl);
        await using var citizenPhone = await PhoneAsync(fixture, server.BaseUrl);
        await using var staff = await fixture.StaffAsync(server.BaseUrl);
        var board = await supervisorPhone.NewPageAsync();
        await StaffDesk.SignInAsync(board, "supervisor", "minwon-demo-3", "/wallboard");
        var row = board.Locator("#agents tbody tr").Filter(new() { HasText = "이준호" });
        await Expect(row.Locator("[data-field=presence]")).ToContainTextAsync("오프라인");

        var desk = new StaffDesk(await staff.NewPageAsync());
        await desk.SignInAsync("counsellor2", "minwon-demo-2");
        await desk.GoAvailableAsync();
        await Expect(row.Locator("[data-field=presence]")).ToHaveTextAsync("상담 가능");
        await Screens.CaptureAsync(board, "staff-wallboard-phone", "/wallboard (phone)", "The wallboard on a supervisor's phone: queues and each counsellor's state.");

        await desk.Page.CloseAsync();
        await Expect(row.Locator("[data-field=presence]")).ToContainTextAsync("자리 비움");
        await Expect(row.Locator("[data-field=presence]")).ToContainTextAsync("연결 없음");

        var citizen = new CitizenChat(await citizenPhone.NewPageAsync());
        await citizen.OpenAsync();
        await citizen.StartAsync("아무도없을때", "");
        await Expect(citizen.Status).ToContainTextAsync("지금 연결할 수 있는 상담사가 없어");
        // No wait is promised: neither "예상 대기 약 N분" nor "1분 이내".
        await Expect(citizen.Status).Not.ToHaveTextAsync(new System.Text.RegularExpressions.Regex("예상 대기 (약|1분)"));
        await Screens.CaptureAsync(citizen.Page, "citizen-chat-nobody-available", "/chat (phone)",
            "Waiting while no counsellor is connected: the place in line, and honestly no expected wait.");
        await Expect(board.Locator("#queues tbody tr").Filter(new() { HasText = Minwon.Server.Features.Routing.SeedDefaultQueues.GeneralQueue })
            .Locator("[data-field=waiting]")).ToHaveTextAsync("1");
        await Expect(row.Locator("[data-field=presence]")).ToContainTextAsync("자리 비움");
        await row.ScrollIntoViewIfNeededAsync();
        await Screens.CaptureAsync(board, "staff-wallboard-phone-away", "/wallboard (phone)", "A counsellor who closed the desk shows as 자리 비움 (연결 없음).");
    }

    [Fact]
    public async Task On_a_phone_an_unknown_address_gets_the_korean_404_page_with_the_favicon()
    {
        fixture.RequireBrowser();
        await using var phone = await PhoneAsync(fixture);
        var page = await phone.NewPageAsync();
        var response = await page.GotoAsync("/no-such-page");
        Assert.Equal(404, response!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("페이지를 찾을 수 없습니다");
        await Expect(page.Locator("link[rel=icon]")).ToHaveAttributeAsync("href", "/favicon.svg");
        Assert.True(await page.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth <= window.innerWidth"), "the 404 page is wider than the phone");
        await Screens.CaptureAsync(page, "citizen-not-found", "/no-such-page (phone)", "An unknown address: a Korean page, not raw JSON.");
    }

    /// <summary>Fully inside the visible viewport (0..height).</summary>
    private static async Task AssertOnScreenAsync(IPage page, string selector, int height)
    {
        var box = await page.Locator(selector).BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.Y >= 0 && box.Y + box.Height <= height + 0.5,
            $"{selector} is at y={box.Y:0}..{box.Y + box.Height:0}, outside the {height} px screen");
    }
}
