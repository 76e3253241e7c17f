namespace Minwon.Server.Features.Knowledge;

/// <summary>An article as the API returns it; <see cref="ShortAnswer"/> is filled from the body when the article has none.</summary>
public sealed record ArticleView(
    string Id, string Title, string Body, string Category, IReadOnlyList<string> Keywords, IReadOnlyList<string> Questions,
    string ShortAnswer, string Department, DateTimeOffset? ValidFrom, DateTimeOffset? ValidUntil, bool Retired, bool Current,
    int Version, DateTimeOffset UpdatedAt)
{
    public static ArticleView Of(Article a, DateTimeOffset now) => new(
        a.Id, a.Title, a.Body, a.Category, a.Keywords, a.Questions,
        string.IsNullOrWhiteSpace(a.ShortAnswer) ? Minwon.Core.Knowledge.ShortAnswer.FromBody(a.Body) : a.ShortAnswer,
        a.Department, a.ValidFrom, a.ValidUntil, a.Retired, a.IsCurrent(now), a.Version, a.UpdatedAt);
}
