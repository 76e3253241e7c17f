using Microsoft.Playwright;
using Minwon.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Minwon.E2E.Knowledge;

/// <summary>Issue 9 items 10 and 16 in the browser: own words unmasked for the citizen, the hand-off button, English.</summary>
public sealed class BotConversationTests(E2EFixture fixture)
{
    [Fact]
    public async Task The_citizen_sees_their_own_plate_and_the_counsellor_fills_the_case_form_from_the_original()
    {
        fixture.RequireBrowser();
        var ct = TestContext.Current.CancellationToken;
        await using var server = await MinwonServer.StartAsync(["--Minwon:Chatbot:Enabled=true"], ct);
        await using var citizenContext = await fixture.CitizenAsync(server.BaseUrl);
        var citizen = new CitizenChat(await citizenContext.NewPageAsync());
        var name = "시민" + Guid.NewGuid().ToString("N")[..6];
        await citizen.OpenAsync();
        await citizen.StartAsync(name, "");
        const string report = "12가3456 차량이 강남구 테헤란로 152 앞에 계속 불법주차 해요";
        await citizen.SendAsync(report);
        // Stored (it has its sequence number) and still shown as typed: masking is for storage and other viewers.
        await citizen.WaitForAsync(report);

        var handoff = citizen.Page.GetByRole(AriaRole.Button, new() { Name = "상담사 연결" });
        await Expect(handoff).ToBeVisibleAsync();
        await handoff.ClickAsync();
        await Expect(citizen.Messages.Filter(new() { HasText = "상담사에게 연결해 드립니다" })).ToHaveCountAsync(1);
        await Expect(handoff).ToBeHiddenAsync();

        await using var deskContext = await fixture.StaffAsync(server.BaseUrl);
        var desk = new StaffDesk(await deskContext.NewPageAsync());
        await desk.SignInAsync("counsellor1", "minwon-demo-1");
        await desk.GoAvailableAsync();
        await desk.AcceptAsync(name);
        await desk.WaitForAsync("상담사 연결");
        var log = await desk.ReadAsync();
        Assert.DoesNotContain(log, l => l.Text.Contains("12가3456", StringComparison.Ordinal));
        Assert.Contains(log, l => l.Sender == "citizen" && l.Text.Contains("불법주차", StringComparison.Ordinal));

        await desk.Page.Locator("#apply-form").ClickAsync();
        await Expect(desk.Page.Locator("#case-summary")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("차량 12가3456"));
        await Expect(desk.Page.Locator("#case-district option:checked")).ToHaveTextAsync("강남구");
        await E2EFixture.ScreenshotAsync(desk.Page, "desk-case-prefill");
        await desk.GoOfflineAsync();
    }

    [Fact]
    public async Task An_english_chat_is_greeted_in_english_and_the_button_reaches_a_counsellor()
    {
        fixture.RequireBrowser();
        var ct = TestContext.Current.CancellationToken;
        await using var server = await MinwonServer.StartAsync(["--Minwon:Chatbot:Enabled=true"], ct);
        await using var citizenContext = await fixture.CitizenAsync(server.BaseUrl);
        var citizen = new CitizenChat(await citizenContext.NewPageAsync());
        await citizen.OpenAsync();
        await citizen.Page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await citizen.Page.GetByLabel("Name (optional)").FillAsync("Alex");
        await citizen.Page.GetByRole(AriaRole.Button, new() { Name = "Start chat" }).ClickAsync();

        var greeting = citizen.Page.Locator("#messages > li.bot").First;
        await Expect(greeting).ToContainTextAsync("Seoul 120 chatbot");
        Assert.DoesNotContain(await greeting.Locator(".bubble").InnerTextAsync(), c => c is >= '가' and <= '힣');
        await E2EFixture.ScreenshotAsync(citizen.Page, "citizen-bot-english-phone");

        await citizen.Page.GetByRole(AriaRole.Button, new() { Name = "Talk to a counsellor" }).ClickAsync();
        await Expect(citizen.Messages.Filter(new() { HasText = "Connecting you to a counsellor" })).ToHaveCountAsync(1);
    }
}
