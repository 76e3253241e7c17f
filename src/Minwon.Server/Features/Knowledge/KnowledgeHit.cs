namespace Minwon.Server.Features.Knowledge;

/// <summary>
/// One search result for the bot and the counsellor assistant. <see cref="HighlightedPassage"/> is HTML-safe:
/// the article text is escaped and only the &lt;mark&gt; tags around matching terms are markup.
/// </summary>
public sealed record KnowledgeHit(string ArticleId, string Title, float Score, string ShortAnswer, string HighlightedPassage);
