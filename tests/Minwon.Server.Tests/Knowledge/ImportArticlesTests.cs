using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Minwon.Server.Data;
using Minwon.Server.Features.Knowledge;

namespace Minwon.Server.Tests.Knowledge;

public sealed class ImportArticlesTests(SqliteAppFactory factory) : IClassFixture<SqliteAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Imports_the_valid_lines_and_reports_malformed_ones_by_line_number()
    {
        var report = await ImportAsync(
            """
            {"id":"imp-1","title":"여권 분실 신고","body":"여권을 잃어버리면 신고합니다.","category":"민원","keywords":["여권"],"questions":["여권 잃어버렸어요"]}
            {"id":"imp-2","title":"잘린 줄",
            {"id":"imp-3","body":"제목이 없어요"}
            {"id":"imp-4","title":"단수 신고","body":"물이 안 나오면 120에 신고합니다.","keywords":"문자열은 목록이 아님"}
            not json at all
            {"id":"imp-5","title":"단수 신고","body":"물이 안 나오면 120에 신고합니다."}
            """);

        Assert.Equal(2, report.Created);
        Assert.Equal(4, report.Problems.Count);
        Assert.Contains(report.Problems, p => p.StartsWith("line 2:", StringComparison.Ordinal));
        Assert.Contains(report.Problems, p => p.StartsWith("line 3:", StringComparison.Ordinal) && p.Contains("title"));
        Assert.Contains(report.Problems, p => p.StartsWith("line 4:", StringComparison.Ordinal));
        Assert.Contains(report.Problems, p => p.StartsWith("line 5:", StringComparison.Ordinal));
        Assert.Equal(["imp-1", "imp-5"], await IdsAsync("imp-"));
        Assert.Equal("imp-1", (await SearchAsync("여권잃어버림"))[0].ArticleId);
    }

    [Fact]
    public async Task The_last_line_of_a_repeated_id_wins_and_is_reported()
    {
        var report = await ImportAsync(
            """
            {"id":"dup-1","title":"첫 번째","body":"처음"}
            {"id":"dup-1","title":"두 번째","body":"나중"}
            """);

        Assert.Equal(1, report.Created);
        Assert.Contains(report.Problems, p => p.Contains("duplicate id 'dup-1'") && p.StartsWith("line 2:", StringComparison.Ordinal));
        await using var scope = factory.Services.CreateAsyncScope();
        var article = await scope.ServiceProvider.GetRequiredService<MinwonDbContext>().Set<Article>().SingleAsync(a => a.Id == "dup-1", Ct);
        Assert.Equal("두 번째", article.Title);
    }

    [Fact]
    public async Task Reimporting_an_id_updates_it_as_a_new_version()
    {
        await ImportAsync("""{"id":"ver-1","title":"따릉이 이용","body":"1시간권은 1000원입니다."}""");
        var report = await ImportAsync("""{"id":"ver-1","title":"따릉이 이용","body":"1시간권은 1000원, 2시간권은 2000원입니다."}""");

        Assert.Equal(1, report.Updated);
        await using var scope = factory.Services.CreateAsyncScope();
        var versions = await scope.ServiceProvider.GetRequiredService<MinwonDbContext>().Set<ArticleVersion>()
            .Where(v => v.ArticleId == "ver-1").OrderBy(v => v.Version).Select(v => v.Version).ToListAsync(Ct);
        Assert.Equal([1, 2], versions);
    }

    [Fact]
    public async Task Accepts_numeric_ids()
    {
        var report = await ImportAsync("""{"id":9001,"title":"숫자 아이디 문서","body":"번호판 영치 해제 안내"}""");
        Assert.Equal(1, report.Created);
        Assert.Equal("9001", (await SearchAsync("번호판영치해제"))[0].ArticleId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\0\u0001\uFFFD\uD800 binary")]
    public async Task Empty_and_binary_queries_return_nothing_or_something_but_never_throw(string query) =>
        Assert.NotNull(await SearchAsync(query));

    [Fact]
    public async Task A_100_KB_query_is_cut_and_answered()
    {
        await ImportAsync("""{"id":"big-1","title":"가로등 고장 신고","body":"가로등이 꺼지면 신고하세요."}""");
        var hits = await SearchAsync(string.Concat(Enumerable.Repeat("가로등 고장 ", 100_000 / 7)));
        Assert.Equal("big-1", hits[0].ArticleId);
    }

    private async Task<ImportArticles.Report> ImportAsync(string jsonl)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ImportArticles>().RunAsync(new StringReader(jsonl), Ct);
    }

    private async Task<IReadOnlyList<KnowledgeHit>> SearchAsync(string query) =>
        await factory.Services.GetRequiredService<KnowledgeSearch>().SearchAsync(query, 5, Ct);

    private async Task<List<string>> IdsAsync(string prefix)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MinwonDbContext>().Set<Article>()
            .Where(a => a.Id.StartsWith(prefix)).OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(Ct);
    }
}
