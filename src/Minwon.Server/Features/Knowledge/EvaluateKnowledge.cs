using System.Text.Json;
using System.Text.Json.Serialization;
using Minwon.Core.Knowledge;
using Minwon.Server.Features.Knowledge.Search;

namespace Minwon.Server.Features.Knowledge;

/// <summary>
/// `minwon kb eval`: indexes a labelled article set in memory twice, once with our Korean analysis and once
/// whitespace-tokenised, runs the labelled questions through both and reports Recall@1, Recall@5 and MRR@10.
/// Questions labelled with a null id (nothing in the base answers them) are counted but not scored.
/// </summary>
public static class EvaluateKnowledge
{
    public sealed record LabelledQuestion(
        [property: JsonPropertyName("query")] string Query,
        [property: JsonPropertyName("id")] string? Id);

    public sealed record Metrics(
        [property: JsonPropertyName("analysis")] string Analysis,
        [property: JsonPropertyName("questions")] int Questions,
        [property: JsonPropertyName("unanswerable")] int Unanswerable,
        [property: JsonPropertyName("recall@1")] double RecallAt1,
        [property: JsonPropertyName("recall@5")] double RecallAt5,
        [property: JsonPropertyName("mrr@10")] double MrrAt10);

    public static IReadOnlyList<Article> ReadArticles(IEnumerable<string> lines) =>
        lines.Where(l => !string.IsNullOrWhiteSpace(l))
            .Select(TryRead<ArticleInput>)
            .OfType<ArticleInput>()
            .Where(i => i.Validate(requireId: true).Count == 0)
            .Select(i => new Article
            {
                Id = i.Id!, Title = i.Title ?? "", Body = i.Body ?? "", Category = i.Category ?? "",
                Keywords = i.Keywords ?? [], Questions = i.Questions ?? [], ShortAnswer = i.ShortAnswer ?? "",
            })
            .ToList();

    public static IReadOnlyList<LabelledQuestion> ReadQuestions(IEnumerable<string> lines) =>
        lines.Where(l => !string.IsNullOrWhiteSpace(l)).Select(TryRead<LabelledQuestion>).OfType<LabelledQuestion>()
            .Where(q => q.Query is not null).ToList();

    // The evaluation skips what it cannot read; `kb import` is the place that reports bad lines.
    private static T? TryRead<T>(string line) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(line, ImportArticles.JsonOptions);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static Metrics Run(IReadOnlyList<Article> articles, IReadOnlyList<LabelledQuestion> questions, KnowledgeAnalysis analysis,
        TextWriter? misses = null)
    {
        using var index = KnowledgeIndex.InMemory(analysis);
        index.AddNew(articles);
        index.Commit();
        var synonyms = analysis == KnowledgeAnalysis.Korean ? SynonymExpander.WithDefaults([]) : SynonymExpander.Empty;
        var answerable = questions.Where(q => q.Id is not null).ToList();
        double at1 = 0, at5 = 0, mrr = 0;
        foreach (var question in answerable)
        {
            var ids = index.Search(question.Query, 10, DateTimeOffset.UnixEpoch.AddYears(56), synonyms).Select(h => h.Id).ToList();
            var rank = ids.IndexOf(question.Id!) + 1;
            at1 += rank == 1 ? 1 : 0;
            at5 += rank is >= 1 and <= 5 ? 1 : 0;
            mrr += rank >= 1 ? 1.0 / rank : 0;
            if (rank != 1)
            {
                misses?.WriteLine($"[{analysis}] miss rank={rank} want={question.Id} got={string.Join(",", ids.Take(3))} q={question.Query}");
            }
        }

        var n = Math.Max(1, answerable.Count);
        return new Metrics(analysis.ToString().ToLowerInvariant(), questions.Count, questions.Count - answerable.Count,
            Math.Round(at1 / n, 4), Math.Round(at5 / n, 4), Math.Round(mrr / n, 4));
    }
}
