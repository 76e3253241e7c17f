using Microsoft.Playwright;
using Minwon.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Minwon.E2E.Languages;

/// <summary>
/// Issue 16, the three-way interpreter join in the browser: a Mongolian-writing citizen (no counsellor has the language)
/// reaches a Korean counsellor, who adds the demo interpreter from the desk; the interpreter's desk shows the conversation,
/// their message reaches the citizen's /chat with its own lang, and the end of the chat takes it off their desk.
/// </summary>
public sealed class InterpreterJoinBrowserTests(E2EFixture fixture)
{
    [Fact]
    public async Task A_counsellor_adds_a_staff_interpreter_whose_message_reaches_the_citizen()
    {
        fixture.RequireBrowser();
        var ct = TestContext.Current.CancellationToken;
        await using var server = await MinwonServer.StartAsync(["--Minwon:Chatbot:Enabled=true"], ct);
        await using var citizenContext = await fixture.CitizenAsync(server.BaseUrl);
        var citizen = new CitizenChat(await citizenContext.NewPageAsync());
        var name = "Bold" + Guid.NewGuid().ToString("N")[..6];
        await citizen.OpenAsync();
        await citizen.StartAsync(name, "");
        await citizen.SendAsync("Сайн байна уу? Би гадаад иргэний үнэмлэхээ алдсан, тусламж хэрэгтэй байна.");
        // No queue has Mongolian: the default queue, with the note that an interpreter may help.
        await Expect(citizen.Messages.Filter(new() { HasText = "may use an interpreter" })).ToHaveCountAsync(1);

        await using var deskContext = await fixture.StaffAsync(server.BaseUrl);
        var desk = new StaffDesk(await deskContext.NewPageAsync());
        await desk.SignInAsync("counsellor1", "minwon-demo-1");
        await desk.GoAvailableAsync();
        await desk.AcceptAsync(name);

        var panel = desk.Page.Locator("#interpreter-panel");
        await Expect(panel.Locator("#interpreter-language")).ToHaveValueAsync("mn");
        await panel.Locator("#interpreter-candidate").SelectOptionAsync(new SelectOptionValue { Label = "바트 (Bat-Erdene)" });
        await panel.Locator("#add-interpreter").ClickAsync();
        await Expect(panel.Locator("#interpreters li")).ToContainTextAsync("바트 (Bat-Erdene)");
        // Told to the citizen in the conversation's language (English stands in for a language without a resource file).
        await citizen.WaitForAsync("Interpreter 바트 (Bat-Erdene) has joined the conversation.");

        await using var interpreterContext = await fixture.StaffAsync(server.BaseUrl);
        var interpreterPage = await interpreterContext.NewPageAsync();
        await StaffDesk.SignInAsync(interpreterPage, "interpreter1", "minwon-demo-8", "/desk");
        var interpreting = interpreterPage.Locator("#interpreting article").Filter(new() { HasText = name });
        await Expect(interpreting).ToHaveCountAsync(1);
        await Expect(interpreting.Locator(".chatlog")).ToContainTextAsync("үнэмлэхээ алдсан");
        await E2EFixture.ScreenshotAsync(interpreterPage, "desk-interpreting");

        const string interpreted = "Сайн байна уу, би орчуулагч байна. Танд гадаад иргэний үнэмлэх дахин авахад тусална.";
        await interpreting.Locator(".interpreter-reply").FillAsync(interpreted);
        await interpreting.Locator(".interpreter-send").ClickAsync();

        await citizen.WaitForAsync(interpreted);
        var line = citizen.Messages.Filter(new() { HasText = "би орчуулагч байна" });
        await Expect(line).ToHaveAttributeAsync("lang", "mn");
        await Expect(line).ToContainTextAsync("바트 (Bat-Erdene) · 통역");
        await Accessibility.AssertNoSeriousFindingsAsync(citizen.Page, "mn, with a counsellor and an interpreter");
        // The counsellor sees it too, labelled as the interpreter's.
        await desk.WaitForAsync(interpreted);
        await Expect(desk.Page.Locator("#chatlog li").Filter(new() { HasText = "би орчуулагч байна" }).Locator(".sender"))
            .ToHaveTextAsync("바트 (Bat-Erdene) · 통역");

        // The chat ends: the interpreter's desk drops it.
        await desk.Page.Locator("#end-chat").ClickAsync();
        await Expect(interpreterPage.Locator("#interpreting")).ToHaveCountAsync(0);
        await desk.GoOfflineAsync();
    }
}
