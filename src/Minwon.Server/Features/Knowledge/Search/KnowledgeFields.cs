namespace Minwon.Server.Features.Knowledge.Search;

/// <summary>
/// Lucene field names. The suffix picks the analysis: _g bigrams, _s stems, _j jamo trigrams, _w whitespace
/// baseline, _h non-overlapping bigrams used only to highlight (never indexed).
/// </summary>
public static class KnowledgeFields
{
    public const string Id = "id";
    public const string Title = "title";
    public const string Body = "body";
    public const string ShortAnswer = "short";

    /// <summary>Stored only (example questions; keywords and category), for <see cref="ArticleQuestionModel"/>.</summary>
    public const string Questions = "questions";

    public const string Keywords = "keywords";
    public const string ValidFrom = "valid_from";
    public const string ValidUntil = "valid_until";

    /// <summary>The searchable parts of an article and their weight: a hit in the title says more than one in the body.</summary>
    public static readonly (string Name, float Boost)[] Parts =
    [
        ("title", 3.0f),
        ("q", 2.5f),
        ("kw", 2.0f),
        ("body", 1.0f),
    ];

    public const string Typo = "typo_j";

    /// <summary>Analysed at highlight time from the stored body; not an indexed field.</summary>
    public const string BodyHighlight = "body_h";

    /// <summary>Bumped whenever the analysis or field layout changes; an index with another version is rebuilt.</summary>
    public const string SchemaVersion = "knowledge-v3";
}
