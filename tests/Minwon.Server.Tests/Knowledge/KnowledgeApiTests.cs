using System.Net;
using System.Net.Http.Json;

namespace Minwon.Server.Tests.Knowledge;

public sealed class KnowledgeApiTests(SqliteAppFactory factory) : IClassFixture<SqliteAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Keeps_every_edit_as_a_version_and_searches_the_latest()
    {
        using var client = await EditorClient.CreateAsync(factory);
        var created = await client.PostAsJsonAsync("/api/knowledge/articles", Article("api-passport", "여권 발급 신청", "여권은 구청 여권민원실에서 신청합니다."), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var updated = await client.PutAsJsonAsync("/api/knowledge/articles/api-passport",
            Article("api-passport", "여권 발급 신청", "여권은 구청 여권민원실이나 정부24에서 신청합니다."), Ct);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);

        var history = await client.GetFromJsonAsync<List<VersionDto>>("/api/knowledge/articles/api-passport/history", Ct);
        Assert.NotNull(history);
        Assert.Equal([1, 2], history.Select(v => v.Version));
        Assert.Contains("정부24", history[1].Body);

        var hits = await client.GetFromJsonAsync<List<HitDto>>("/api/knowledge/search?q=" + Uri.EscapeDataString("여권만들려면어디가요"), Ct);
        Assert.Equal("api-passport", hits![0].ArticleId);
        Assert.StartsWith("여권은", hits[0].ShortAnswer);
    }

    [Fact]
    public async Task Retired_articles_drop_out_of_search_at_once()
    {
        using var client = await EditorClient.CreateAsync(factory);
        await client.PostAsJsonAsync("/api/knowledge/articles", Article("api-pothole", "포트홀 도로 파손 신고", "도로 포트홀은 120에 신고합니다."), Ct);
        Assert.Contains(await SearchAsync(client, "포트홀신고"), h => h.ArticleId == "api-pothole");

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/knowledge/articles/api-pothole/retire", null, Ct)).StatusCode);
        Assert.DoesNotContain(await SearchAsync(client, "포트홀신고"), h => h.ArticleId == "api-pothole");
        Assert.True((await client.GetFromJsonAsync<ArticleDto>("/api/knowledge/articles/api-pothole", Ct))!.Retired);
    }

    [Fact]
    public async Task Articles_outside_their_validity_period_are_not_returned()
    {
        using var client = await EditorClient.CreateAsync(factory);
        var expired = Article("api-expired", "2019년 재난지원금 신청", "재난지원금은 주민센터에서 신청합니다.") with { ValidUntil = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero) };
        await client.PostAsJsonAsync("/api/knowledge/articles", expired, Ct);
        Assert.DoesNotContain(await SearchAsync(client, "재난지원금 신청"), h => h.ArticleId == "api-expired");
    }

    [Fact]
    public async Task Stores_HTML_as_written_and_highlights_it_escaped()
    {
        using var client = await EditorClient.CreateAsync(factory);
        const string body = "<script>alert(1)</script> 음식물쓰레기는 <b>전용 용기</b>에 버립니다.";
        await client.PostAsJsonAsync("/api/knowledge/articles", Article("api-html", "음식물쓰레기 배출", body), Ct);

        Assert.Equal(body, (await client.GetFromJsonAsync<ArticleDto>("/api/knowledge/articles/api-html", Ct))!.Body);
        var hit = (await SearchAsync(client, "음식물쓰레기 버리는곳")).Single(h => h.ArticleId == "api-html");
        Assert.Contains("<mark>", hit.HighlightedPassage);
        Assert.DoesNotContain("<script>", hit.HighlightedPassage);
        Assert.DoesNotContain("<b>", hit.HighlightedPassage);
        Assert.Contains("&lt;", hit.HighlightedPassage);
    }

    [Theory]
    [InlineData("GET", "/api/knowledge/articles/no-such-article", HttpStatusCode.NotFound)]
    [InlineData("GET", "/api/knowledge/articles/no-such-article/history", HttpStatusCode.NotFound)]
    [InlineData("POST", "/api/knowledge/articles/no-such-article/retire", HttpStatusCode.NotFound)]
    [InlineData("GET", "/api/knowledge/search?q=x&top=0", HttpStatusCode.BadRequest)]
    public async Task Answers_errors_with_problem_details(string method, string url, HttpStatusCode status)
    {
        using var client = await EditorClient.CreateAsync(factory);
        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url), Ct);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("{bad")]
    [InlineData("{\"id\":\"api-list\",\"title\":\"t\",\"keywords\":\"not a list\"}")]
    public async Task Answers_a_malformed_body_with_a_400_problem(string json)
    {
        using var client = await EditorClient.CreateAsync(factory);
        var response = await client.PostAsync("/api/knowledge/articles", new StringContent(json, System.Text.Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Rejects_an_article_without_a_title_and_a_duplicate_id()
    {
        using var client = await EditorClient.CreateAsync(factory);
        var invalid = await client.PostAsJsonAsync("/api/knowledge/articles", Article("api-invalid", "", "본문"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal("application/problem+json", invalid.Content.Headers.ContentType?.MediaType);

        await client.PostAsJsonAsync("/api/knowledge/articles", Article("api-twice", "전입신고", "전입신고는 14일 안에 합니다."), Ct);
        var twice = await client.PostAsJsonAsync("/api/knowledge/articles", Article("api-twice", "전입신고", "다시"), Ct);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal("application/problem+json", twice.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<List<HitDto>> SearchAsync(HttpClient client, string q) =>
        (await client.GetFromJsonAsync<List<HitDto>>("/api/knowledge/search?top=10&q=" + Uri.EscapeDataString(q), Ct))!;

    private static InputDto Article(string id, string title, string body) => new(id, title, body, "테스트", [], [], null);

    private sealed record InputDto(string Id, string Title, string Body, string Category, string[] Keywords, string[] Questions, DateTimeOffset? ValidUntil);

    private sealed record VersionDto(int Version, string Body);

    private sealed record ArticleDto(string Id, string Body, bool Retired);

    private sealed record HitDto(string ArticleId, string Title, float Score, string ShortAnswer, string HighlightedPassage);
}
