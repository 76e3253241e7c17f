using System.Net;
using Minwon.Server.Tests.Testing;

namespace Minwon.Server.Tests.Platform;

/// <summary>Every page and API answer carries the browser security headers; /chat may be framed only by allowed sites.</summary>
public sealed class SecurityHeadersTests(SecurityHeadersTests.App fixture) : IClassFixture<SecurityHeadersTests.App>
{
    public const string EmbeddingSite = "https://www.seoul.go.kr";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public sealed class App : IAsyncLifetime
    {
        public MinwonApp Server { get; private set; } = null!;

        public async ValueTask InitializeAsync() => Server = await MinwonApp.StartAsync(Db.Sqlite, new Dictionary<string, string?>
        {
            ["Minwon:Chat:AllowedOrigins:0"] = EmbeddingSite,
        });

        public async ValueTask DisposeAsync() => await Server.DisposeAsync();
    }

    [Theory]
    [InlineData("/chat")]
    [InlineData("/login")]
    [InlineData("/")]
    [InlineData("/ars")]
    [InlineData("/embed.js")]
    [InlineData("/api/reference/districts")]
    [InlineData("/api/conversations")]
    [InlineData("/no-such-page")]
    public async Task Every_answer_has_a_script_policy_nosniff_and_a_referrer_policy(string path)
    {
        using var http = fixture.Server.CreateDefaultClient();
        using var response = await http.GetAsync(path, Ct);

        var csp = Directive(response, "script-src");
        Assert.NotNull(csp);
        Assert.DoesNotContain("'unsafe-inline'", csp);
        Assert.DoesNotContain("'unsafe-eval'", csp);
        Assert.NotNull(Directive(response, "frame-ancestors"));
        Assert.NotNull(Directive(response, "object-src"));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.True(response.Headers.TryGetValues("Referrer-Policy", out var referrer), $"{path}: no Referrer-Policy");
        Assert.Contains(Assert.Single(referrer), new[] { "same-origin", "strict-origin-when-cross-origin", "no-referrer" });
    }

    [Fact]
    public async Task Citizen_chat_may_be_framed_by_the_allowed_sites_only_and_staff_pages_by_nobody()
    {
        using var http = fixture.Server.CreateDefaultClient();
        using var chat = await http.GetAsync("/chat", Ct);
        Assert.Equal(HttpStatusCode.OK, chat.StatusCode);
        Assert.Equal($"frame-ancestors 'self' {EmbeddingSite}", Directive(chat, "frame-ancestors"));

        using var login = await http.GetAsync("/login", Ct);
        Assert.Equal("frame-ancestors 'none'", Directive(login, "frame-ancestors"));
        Assert.Equal("DENY", Assert.Single(login.Headers.GetValues("X-Frame-Options")));
        Assert.False(chat.Headers.Contains("X-Frame-Options"));
    }

    private static string? Directive(HttpResponseMessage response, string name)
    {
        var values = response.Headers.TryGetValues("Content-Security-Policy", out var v) ? v.ToList() : [];
        Assert.True(values.Count == 1, $"{response.RequestMessage?.RequestUri}: {values.Count} Content-Security-Policy headers");
        return values[0].Split(';', StringSplitOptions.TrimEntries).FirstOrDefault(d => d.StartsWith(name + " ", StringComparison.Ordinal));
    }
}
