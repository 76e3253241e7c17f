using System.Net;
using System.Net.Http.Json;

namespace Minwon.Server.Tests.Knowledge;

public sealed class SynonymTests(SqliteAppFactory factory) : IClassFixture<SqliteAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_synonym_added_by_an_administrator_applies_to_the_next_query()
    {
        using var client = await EditorClient.CreateAsync(factory);
        await client.PostAsJsonAsync("/api/knowledge/articles",
            new { id = "syn-meal", title = "아동급식카드 사용처", body = "아동급식카드는 가맹 음식점과 편의점에서 씁니다.", category = "복지" }, Ct);
        await client.PostAsJsonAsync("/api/knowledge/articles",
            new { id = "syn-other", title = "주민등록증 재발급", body = "주민센터에서 재발급합니다.", category = "민원" }, Ct);
        Assert.NotEqual("syn-meal", (await TopAsync(client, "꿈나무 어디서 써요")));

        var added = await client.PostAsJsonAsync("/api/knowledge/synonyms", new { phrases = new[] { "꿈나무", "아동급식카드" } }, Ct);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal("syn-meal", await TopAsync(client, "꿈나무 어디서 써요"));
    }

    [Fact]
    public async Task Rejects_a_group_of_one_phrase_with_problem_details()
    {
        using var client = await EditorClient.CreateAsync(factory);
        var response = await client.PostAsJsonAsync("/api/knowledge/synonyms", new { phrases = new[] { "하나뿐" } }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<string?> TopAsync(HttpClient client, string q) =>
        (await client.GetFromJsonAsync<List<Hit>>("/api/knowledge/search?q=" + Uri.EscapeDataString(q), Ct))!.FirstOrDefault()?.ArticleId;

    private sealed record Hit(string ArticleId);
}
