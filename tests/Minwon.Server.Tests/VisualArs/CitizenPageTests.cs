using System.Net;
using System.Text.RegularExpressions;

namespace Minwon.Server.Tests.VisualArs;

public sealed partial class CitizenPageTests(ArsAppFactory factory) : IClassFixture<ArsAppFactory>
{
    [Fact]
    public async Task Keeps_the_first_page_and_everything_it_loads_under_100_kilobytes()
    {
        using var client = factory.CreateClient();
        var html = await client.GetByteArrayAsync("/ars", TestContext.Current.CancellationToken);
        var page = System.Text.Encoding.UTF8.GetString(html);
        long total = html.Length;
        foreach (Match asset in Asset().Matches(page))
        {
            total += (await client.GetByteArrayAsync(asset.Groups[1].Value, TestContext.Current.CancellationToken)).Length;
        }

        Assert.Equal(2, Asset().Matches(page).Count);
        Assert.True(total < 100 * 1024, $"/ars weighs {total} bytes uncompressed");
    }

    [Fact]
    public async Task Marks_up_the_menu_for_screen_readers_with_an_empty_notices_slot()
    {
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync("/ars", TestContext.Current.CancellationToken);

        Assert.Contains("<html lang=\"ko\">", html);
        Assert.Contains("frame-ancestors 'none'", string.Join(' ', (await client.GetAsync("/ars", TestContext.Current.CancellationToken)).Headers.GetValues("Content-Security-Policy")));
        Assert.Contains("<section id=\"notices\"", html);
        Assert.Contains("<main id=\"main\">", html);
        Assert.Contains("<label for=\"q\">메뉴 검색</label>", html);
        Assert.Contains("대형폐기물", await client.GetStringAsync("/ars/n/living", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Speaks_English_when_asked_and_keeps_the_language_in_links()
    {
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync("/ars/n/living?lang=en", TestContext.Current.CancellationToken);

        Assert.Contains("<html lang=\"en\">", html);
        Assert.Contains("Bulky waste disposal", html);
        Assert.Contains("href=\"/ars/n/bulky-waste?lang=en\"", html);
        Assert.Contains("href=\"/ars/n/living\" lang=\"ko\">한국어</a>", html);
    }

    [Fact]
    public async Task Finds_a_menu_entry_from_the_words_citizens_use_with_its_breadcrumb()
    {
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync("/ars/search?q=" + Uri.EscapeDataString("소파 버리기"), TestContext.Current.CancellationToken);

        Assert.Contains("href=\"/ars/n/bulky-waste\"", html);
        Assert.Contains("<span class=\"trail\">생활</span>", html);
    }

    [Fact]
    public async Task Answers_an_unknown_node_with_a_clear_not_found_page()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/ars/n/%3Cscript%3E", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("메뉴를 찾을 수 없습니다", html);
        Assert.DoesNotContain("<script>", html);
    }

    [GeneratedRegex("(?:href|src)=\"(/ars/[^\"]+\\.(?:css|js))\"")]
    private static partial Regex Asset();
}
