using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Minwon.Core.Languages;
using Minwon.Core.VisualArs;
using Minwon.Server.Features.VisualArs;
using Minwon.Server.Features.VisualArs.Pages;

namespace Minwon.Server.Tests.VisualArs;

/// <summary>Issue 16 item 2: /ars in Chinese, Japanese and Vietnamese from resource files, the menu tree's labels falling back to English.</summary>
public sealed class ForeignLanguagePageTests(ArsAppFactory factory) : IClassFixture<ArsAppFactory>
{
    [Theory]
    [InlineData("zh", "搜索菜单", "首尔120可视ARS", "按0号键")]
    [InlineData("ja", "メニューを検索", "ソウル120 見えるARS", "0番")]
    [InlineData("vi", "Tìm trong danh mục", "ARS trực quan 120 Seoul", "phím 0")]
    public async Task Renders_the_fixed_words_in_the_language_asked_for_and_keeps_it_in_links(string language, string search, string title, string press)
    {
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync("/ars?lang=" + language, TestContext.Current.CancellationToken);

        Assert.Contains($"<html lang=\"{language}\">", html);
        Assert.Contains($"<label for=\"q\">{search}</label>", html);
        Assert.Contains(title, html);
        Assert.Contains($"({press})", html);
        Assert.Contains($"name=\"lang\" value=\"{language}\"", html);
        Assert.Contains($"href=\"/ars/n/living?lang={language}\"", html);
        Assert.Contains($"href=\"/ars/status?lang={language}\"", html);
        Assert.DoesNotContain("메뉴 검색", html);
        // Every other language is offered, each link marked with the language it is written in.
        Assert.Contains("<a class=\"lang\" href=\"/ars\" lang=\"ko\">한국어</a>", html);
        Assert.Contains("<a class=\"lang\" href=\"/ars?lang=en\" lang=\"en\">English</a>", html);
        Assert.DoesNotContain($"href=\"/ars?lang={language}\" lang=\"{language}\"", html);
    }

    [Theory]
    [InlineData("zh")]
    [InlineData("ja")]
    [InlineData("vi")]
    public async Task Falls_back_to_the_english_menu_labels_marked_as_english(string language)
    {
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync($"/ars/n/living?lang={language}", TestContext.Current.CancellationToken);

        Assert.Contains("<h1 lang=\"en\">Daily life</h1>", html);
        Assert.Contains("<span class=\"label\" lang=\"en\">Bulky waste disposal</span>", html);
        Assert.Contains($"<a href=\"/ars?lang={language}\">{ArsText.T("home", language)}</a>", html);
        Assert.Contains($"<li aria-current=\"page\" lang=\"en\">Daily life</li>", html);
        Assert.DoesNotContain(">생활<", html);
    }

    [Theory]
    [InlineData("zh", "提交", "必填", "请选择")]
    [InlineData("ja", "送信する", "必須", "選択してください")]
    [InlineData("vi", "Gửi đơn", "bắt buộc", "Hãy chọn")]
    public async Task Shows_a_form_with_its_own_words_and_english_field_labels_and_korean_errors_marked(string language, string submit,
        string required, string choose)
    {
        using var browser = ArsBrowser.Open(factory);
        var (html, token) = await browser.GetPageAsync($"/ars/n/bulky-waste?lang={language}");

        Assert.Contains($">{submit}</button>", html);
        Assert.Contains($"<span class=\"req\">({required})</span>", html);
        Assert.Contains($">{choose}</option>", html);
        Assert.Contains("<span lang=\"en\">District</span>", html);
        Assert.Contains($"action=\"/ars/n/bulky-waste?lang={language}\"", html);

        var refused = await browser.PostFormAsync($"/ars/n/bulky-waste?lang={language}", token, []);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var errors = await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains($"<html lang=\"{language}\">", errors);
        Assert.Contains(ArsText.T("fixErrors", language), errors);
        Assert.Contains("<p class=\"error\" id=\"f-district-error\" lang=\"ko\">", errors);
        // The language links of a refused post lead to the form itself, not to the post address.
        Assert.Contains("<a class=\"lang\" href=\"/ars/n/bulky-waste\" lang=\"ko\">한국어</a>", errors);
    }

    [Theory]
    [InlineData("zh", "受理编号", "电话号码后4位", "页面已过期")]
    [InlineData("ja", "受付番号", "電話番号の下4桁", "ページの有効期限が切れました")]
    [InlineData("vi", "Số tiếp nhận", "4 số cuối điện thoại", "Trang đã hết hạn")]
    public async Task Looks_up_requests_and_refuses_a_stale_post_in_the_language(string language, string receipt, string last4, string expired)
    {
        using var browser = ArsBrowser.Open(factory);

        var (html, _) = await browser.GetPageAsync($"/ars/status?lang={language}");
        var stale = await browser.PostFormAsync($"/ars/status?lang={language}", "forged", [new("receipt", "2026-0101-000001"), new("last4", "1234")]);

        Assert.Contains($"<label for=\"receipt\">{receipt}</label>", html);
        Assert.Contains($"<label for=\"last4\">{last4}</label>", html);
        Assert.Equal(HttpStatusCode.BadRequest, stale.StatusCode);
        var page = await stale.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains($"<html lang=\"{language}\">", page);
        Assert.Contains(expired, page);
    }

    [Theory]
    [InlineData("zh-CN", "zh")]
    [InlineData("JA", "ja")]
    [InlineData("vi-VN", "vi")]
    [InlineData("mn", "ko")]
    [InlineData("<script>", "ko")]
    public async Task Chooses_the_language_from_the_address_and_korean_for_anything_else(string asked, string shown)
    {
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync("/ars?lang=" + Uri.EscapeDataString(asked), TestContext.Current.CancellationToken);

        Assert.Contains($"<html lang=\"{shown}\">", html);
        Assert.DoesNotContain("<script>", html);
    }

    [Fact]
    public async Task Texts_the_link_in_the_callers_language()
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ars/links")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { callId = "pbx-lang3-1", phoneNumber = "010-5555-1234", language = "vi" }),
        };
        request.Headers.Add("X-Api-Key", ArsAppFactory.ApiKey);

        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sms = factory.Services.GetRequiredService<FakeSmsGateway>().Sent.Last();
        Assert.StartsWith("[Seoul 120] Hãy chọn mục bạn cần trên điện thoại: http", sms.Text);
        Assert.EndsWith("?lang=vi", sms.Text);
    }
}

/// <summary>The resource files a translator edits, and the fallback of the tree's labels (no server needed).</summary>
public sealed class ArsTextTests
{
    [Fact]
    public void Korean_English_Japanese_Vietnamese_and_Chinese_have_resource_files()
    {
        Assert.Equal(["ko", "en", "ja", "vi", "zh"], ArsText.Languages);
    }

    [Fact]
    public void Every_file_has_every_key_with_its_placeholders_and_is_written_in_its_own_language()
    {
        foreach (var language in ArsText.Languages)
        {
            Assert.Equal(ArsText.Keys.Order(StringComparer.Ordinal), ArsText.KeysOf(language).Order(StringComparer.Ordinal));
            Assert.All(ArsText.Keys, key => Assert.False(string.IsNullOrWhiteSpace(ArsText.T(key, language)), $"{language}: {key}"));
            Assert.Contains("{digit}", ArsText.T("press", language));
            Assert.Contains("{url}", ArsText.T("sms", language));
            Assert.Equal(language, LanguageIdentifier.Default.Identify(ArsText.T("noResults", language)).Language);
            Assert.Equal(language, LanguageIdentifier.Default.Identify(ArsText.T("chatIntro", language)).Language);
        }
    }

    [Fact]
    public void A_tree_label_in_the_page_language_wins_and_a_fallback_says_its_language()
    {
        var node = new ArsNode { Id = "living", LabelKo = "생활", LabelEn = "Daily life", Labels = new() { ["zh"] = "生活服务", ["ja"] = " " } };
        var koreanOnly = new ArsNode { Id = "k", LabelKo = "생활" };

        Assert.Equal(new ArsLabel("生活服务", null), new ArsUi("zh").Label(node));
        Assert.Equal(new ArsLabel("Daily life", "en"), new ArsUi("ja").Label(node));
        Assert.Equal(new ArsLabel("Daily life", "en"), new ArsUi("vi").Label(node));
        Assert.Equal(new ArsLabel("생활", "ko"), new ArsUi("vi").Label(koreanOnly));
        Assert.Equal(new ArsLabel("생활", "ko"), new ArsUi("en").Label(koreanOnly));
        Assert.Equal(new ArsLabel("생활", null), new ArsUi("ko").Label(node));
        Assert.Equal("/ars/n/living?lang=vi", new ArsUi("vi").U("/ars/n/living"));
        Assert.Equal("/ars/search?q=a&lang=ja", new ArsUi("ja", "/ars/search?q=a").In("ja"));
    }
}

/// <summary>A published tree that names an entry in Chinese: the page uses it, and the rest still falls back to English.</summary>
public sealed class TranslatedTreeLabelTests(ArsAppFactory factory) : IClassFixture<ArsAppFactory>
{
    [Fact]
    public async Task Uses_the_trees_own_label_in_the_page_language_and_refuses_a_bad_language_code()
    {
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<ArsMenuStore>();
            var bad = DefaultArsMenu.Create();
            bad.Find("living")!.Labels = new() { ["Chinese"] = "生活", ["ja"] = "" };
            var problems = await store.SaveDraftAsync(bad, "test", TestContext.Current.CancellationToken);
            Assert.Contains(problems, p => p.Contains("'Chinese'", StringComparison.Ordinal));
            Assert.Contains(problems, p => p.Contains("'ja'", StringComparison.Ordinal));

            var menu = DefaultArsMenu.Create();
            menu.Find("living")!.Labels = new() { ["zh"] = "生活服务" };
            Assert.Empty(await store.SaveDraftAsync(menu, "test", TestContext.Current.CancellationToken));
            await store.PublishDraftAsync("test", TestContext.Current.CancellationToken);
        }

        using var client = factory.CreateClient();
        var chinese = await client.GetStringAsync("/ars/n/living?lang=zh", TestContext.Current.CancellationToken);
        var japanese = await client.GetStringAsync("/ars/n/living?lang=ja", TestContext.Current.CancellationToken);
        var root = await client.GetStringAsync("/ars?lang=zh", TestContext.Current.CancellationToken);

        Assert.Contains("<h1>生活服务</h1>", chinese);
        Assert.Contains("<span class=\"label\" lang=\"en\">Bulky waste disposal</span>", chinese);
        Assert.Contains("<h1 lang=\"en\">Daily life</h1>", japanese);
        Assert.Contains("<span class=\"label\">生活服务</span>", root);
        Assert.Contains("<span class=\"label\" lang=\"en\">Transport</span>", root);
    }
}
