using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minwon.Server.Data;
using Minwon.Server.Features.Knowledge;
using Minwon.Server.Features.Languages;

namespace Minwon.Server.Tests.Languages;

public sealed class ImportTranslationsAppFactory : SqliteAppFactory;

public sealed class ImportTranslationsTests(ImportTranslationsAppFactory app) : IClassFixture<ImportTranslationsAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<TranslationImportReport> ImportAsync(string lines)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ImportArticles>().RunAsync(new StringReader(
            """{"id":"t-water","title":"단수 문의","body":"단수 여부는 아리수 누리집에서 확인합니다.","category":"상하수도","keywords":[],"questions":[]}"""), Ct);
        return await scope.ServiceProvider.GetRequiredService<ImportTranslations>().RunAsync(new StringReader(lines), Ct);
    }

    private async Task<List<ArticleTranslation>> StoredAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MinwonDbContext>().Set<ArticleTranslation>().AsNoTracking()
            .Where(t => t.ArticleId == "t-water").ToListAsync(Ct);
    }

    [Fact]
    public async Task A_file_with_one_bad_line_imports_nothing_and_names_every_problem()
    {
        var report = await ImportAsync("""
            {"articleId":"t-water","language":"vi","title":"Cắt nước","shortAnswer":"Xem lịch cắt nước trên trang Arisu."}
            {"articleId":"no-such","language":"zh","title":"停水","shortAnswer":"请查看Arisu网站。"}
            {"articleId":"t-water","language":"xx","title":"?","shortAnswer":"?"}
            {"articleId":"t-water","language":"en","title":"Water","shortAnswer":"단수 여부는 아리수 누리집에서 확인합니다."}
            not json
            """);

        Assert.Equal(0, report.Added);
        Assert.Contains(report.Problems, p => p.StartsWith("line 2: no article 'no-such'", StringComparison.Ordinal));
        Assert.Contains(report.Problems, p => p.StartsWith("line 3: language 'xx'", StringComparison.Ordinal));
        Assert.Contains(report.Problems, p => p == "line 4: shortAnswer is Korean, not a translation");
        Assert.Contains(report.Problems, p => p.StartsWith("line 5: not a JSON object", StringComparison.Ordinal));
        Assert.DoesNotContain(await StoredAsync(), t => t.Language == "vi");
    }

    [Fact]
    public async Task A_file_naming_one_article_and_language_twice_imports_nothing_and_names_both_lines()
    {
        var report = await ImportAsync("""
            {"articleId":"t-water","language":"ja","title":"断水","shortAnswer":"アリスのサイトで確認してください。"}
            {"articleId":"t-water","language":"ja","title":"断水のお知らせ","shortAnswer":"アリスのサイトをご覧ください。"}
            """);

        Assert.Equal((0, 0), (report.Added, report.Updated));
        Assert.Equal(["line 2: repeats line 1 (article 't-water' in 'ja')"], report.Problems);
        Assert.DoesNotContain(await StoredAsync(), t => t.Language == "ja");
    }

    [Fact]
    public async Task Importing_again_updates_the_translation_in_place()
    {
        Assert.Empty((await ImportAsync("""{"articleId":"t-water","language":"zh","title":"停水","shortAnswer":"请查看Arisu网站。","keywords":["停水"]}""")).Problems);
        var again = await ImportAsync("""{"articleId":"t-water","language":"zh","title":"停水咨询","shortAnswer":"请查看Arisu网站或拨打120。","machineTranslated":true}""");

        Assert.Equal((0, 1), (again.Added, again.Updated));
        var stored = Assert.Single(await StoredAsync(), t => t.Language == "zh");
        Assert.Equal("停水咨询", stored.Title);
        Assert.True(stored.MachineTranslated);
    }
}
