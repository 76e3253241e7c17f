using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Minwon.Server.Data;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Features.Staff;

namespace Minwon.Server.Tests.Testing;

/// <summary>The people a test needs: staff created through <see cref="CreateStaffUser"/> and signed in through the
/// real sign-in form, and citizens who open web chat over the public API.</summary>
public static partial class AppActors
{
    public const string Password = "test-password-120";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Creates a staff account with its routing profile and signs it in.</summary>
    public static async Task<StaffMember> StaffAsync(this MinwonApp app, string role, string? skills = null, int maxConcurrent = 3,
        string? displayName = null)
    {
        var userName = $"{role}{Guid.NewGuid():N}"[..24];
        displayName ??= role switch
        {
            StaffRoles.Counsellor => "김상담" + userName[^4..],
            StaffRoles.Supervisor => "박감독" + userName[^4..],
            _ => "이관리" + userName[^4..],
        };
        string id;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<CreateStaffUser>().HandleAsync(
                new StaffUserRequest(userName, Password, role, displayName, skills, maxConcurrent), updateIfExists: false, Ct);
            Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
            var user = await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByNameAsync(userName);
            id = user!.Id;
        }

        var (http, cookies) = await SignInAsync(app, userName, Password);
        return new StaffMember(id, userName, displayName, role, http, cookies) { App = app };
    }

    public static Task<StaffMember> CounsellorAsync(this MinwonApp app, string? skills = null, int maxConcurrent = 3) =>
        app.StaffAsync(StaffRoles.Counsellor, skills, maxConcurrent);

    /// <summary>
    /// Signs in through the staff form like a browser: GET /login for the antiforgery cookie and hidden token, then the
    /// form post. Redirects are not followed so the answer can be checked.
    /// </summary>
    public static async Task<(HttpClient Http, CookieContainer Cookies)> SignInAsync(MinwonApp app, string userName, string password)
    {
        var cookies = new CookieContainer();
        var http = app.CreateDefaultClient(new CookieContainerHandler(cookies));
        await SignInAsync(http, userName, password);
        return (http, cookies);
    }

    /// <summary>Signs in on any server (an in-memory app or a real process); the client must keep cookies.</summary>
    public static async Task SignInAsync(HttpClient http, string userName, string password)
    {
        var form = await http.GetStringAsync("/login", Ct);
        var token = AntiforgeryField().Match(form);
        Assert.True(token.Success, "The sign-in page has no antiforgery token.");
        using var response = await http.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = userName,
            ["password"] = password,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
        }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/desk", response.Headers.Location?.OriginalString);
    }

    /// <summary>A citizen's browser: no cookies, only the conversation token it is given.</summary>
    public static HttpClient CitizenClient(this MinwonApp app) => app.CreateDefaultClient();

    /// <summary>Opens web chat asking for a counsellor at once (the bot's own hand-off is the chatbot tests' business).</summary>
    public static async Task<StartChatResponse> StartChatAsync(this MinwonApp app, string? contactKey = null, string? name = "홍길동",
        string language = "ko", HttpClient? http = null)
    {
        using var own = http is null ? app.CitizenClient() : null;
        using var response = await (http ?? own!).PostAsJsonAsync("/api/chat/conversations",
            new StartChatRequest(language, name, contactKey, "주차 문의", Counsellor: true), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<StartChatResponse>(Ct))!;
    }

    /// <summary>A citizen's chat already on the counsellor's desk (offered without a routing pass, then accepted).</summary>
    public static async Task<StartChatResponse> ServedChatAsync(this MinwonApp app, StaffMember counsellor, HttpClient? citizen = null)
    {
        var chat = await app.StartChatAsync(http: citizen);
        await app.OfferAsync(chat.ConversationId, counsellor.Id);
        await counsellor.AcceptAsync(chat.ConversationId);
        return chat;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*?value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
