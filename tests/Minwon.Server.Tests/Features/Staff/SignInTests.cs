using System.Net;
using Minwon.Server.Tests.Testing;

namespace Minwon.Server.Tests.Features.Staff;

/// <summary>The staff sign-in form: antiforgery required, wrong passwords refused, APIs answer 401 rather than redirect.</summary>
public sealed class SignInTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_sign_in_post_without_the_antiforgery_token_is_refused_and_signs_nobody_in()
    {
        var app = await apps.GetAsync(Db.Sqlite);
        var counsellor = await app.CounsellorAsync();
        using var http = app.CreateDefaultClient();
        using var response = await http.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = counsellor.UserName,
            ["password"] = AppActors.Password,
        }), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("minwon.staff=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_wrong_password_sends_the_browser_back_to_the_sign_in_page_without_a_session()
    {
        var app = await apps.GetAsync(Db.Sqlite);
        var counsellor = await app.CounsellorAsync();
        var failed = await Assert.ThrowsAnyAsync<Exception>(() => AppActors.SignInAsync(app, counsellor.UserName, "not-the-password"));
        Assert.Contains("/login?error=invalid", failed.Message);
    }

    [Fact]
    public async Task A_signed_in_counsellor_keeps_a_session_and_an_api_call_without_one_gets_401_not_a_redirect()
    {
        var app = await apps.GetAsync(Db.Sqlite);
        var counsellor = await app.CounsellorAsync();
        using (var mine = await counsellor.Http.GetAsync("/api/presence", Ct))
        {
            Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        }

        using var anonymous = app.CreateDefaultClient();
        using var refused = await anonymous.GetAsync("/api/presence", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Null(refused.Headers.Location);
    }
}
