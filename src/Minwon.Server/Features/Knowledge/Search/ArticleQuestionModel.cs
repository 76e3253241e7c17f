using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Minwon.Core.Korean;

namespace Minwon.Server.Features.Knowledge.Search;

/// <summary>
/// A second, independent opinion on the best BM25 candidates (issue 13, session 7): each candidate article is a
/// small language model of the syllable bigrams in its title, keywords, example questions, category and body, with
/// the parts a citizen's question resembles (title, keywords, example questions) counted twice, and the question is
/// scored by how likely the article makes it (multinomial naive Bayes, additive smoothing, each bigram weighted by
/// its inverse document frequency). Unlike BM25 this rewards an article for covering the whole question, and it
/// punishes an article whose text is long on the one shared noun (택시 in a call-taxi article) without the rest.
/// Only the first <see cref="Candidates"/> hits are rescored, from their stored text, so a query costs the same at
/// 100,000 articles as at 100; the two orders are fused as a weighted sum of the BM25 score relative to the best
/// hit and the per-bigram log-likelihood relative to the best candidate. Weights were chosen on the dev sets only.
/// </summary>
public static class ArticleQuestionModel
{
    public const int Candidates = 20;
    public const float Weight = 0.05f;
    private const double Alpha = 0.1;

    // Fixed vocabulary size for the smoothing, so one article's score does not depend on how big the base is.
    private const double Vocabulary = 5000;

    private const int MaxCachedPerSegment = 5_000; // about 10 KB each: at most ~50 MB per segment

    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<int, (Dictionary<string, int> Counts, int Total)>> Cache = new();

    public static readonly ISet<string> StoredFields = new HashSet<string>
    {
        KnowledgeFields.Id, KnowledgeFields.Title, KnowledgeFields.Body, KnowledgeFields.Questions, KnowledgeFields.Keywords,
    };

    /// <summary>Forgets every cached candidate's counts (the benchmark's cold case: each candidate read and tokenised again).</summary>
    public static void ClearCache() => Cache.Clear();

    /// <summary>
    /// Reorders the hits (best BM25 first) by the fused score; the score reported stays BM25's. <paramref name="question"/>
    /// is the question as <see cref="KnowledgeQueryBuilder.Fold"/> gives it for the Korean analysis: the text the hits
    /// were searched with.
    /// </summary>
    public static IReadOnlyList<(ScoreDoc Hit, double Fused)> Rerank(FoldedQuestion question, IReadOnlyList<ScoreDoc> hits, IndexSearcher searcher)
    {
        if (hits.Count < 2)
        {
            return hits.Select(h => (h, (double)h.Score)).ToList();
        }

        var reader = searcher.IndexReader;
        var grams = QueryGrams(question.Text, reader);
        var head = hits.Take(Candidates).ToList();
        if (grams.Count == 0)
        {
            return hits.Select(h => (h, (double)h.Score)).ToList();
        }

        var likelihood = new double[head.Count];
        for (var i = 0; i < head.Count; i++)
        {
            likelihood[i] = LogLikelihood(grams, CountsOf(searcher, head[i].Doc));
        }

        var bestScore = head.Max(h => h.Score);
        var bestLikelihood = likelihood.Max();
        var weight = Weight / grams.Sum(g => g.Count);
        var fused = head.Select((h, i) => (h, h.Score / bestScore + weight * (likelihood[i] - bestLikelihood)))
            .OrderByDescending(x => x.Item2)
            .ToList();
        fused.AddRange(hits.Skip(Candidates).Select(h => (h, (double)h.Score)));
        return fused;
    }

    private static List<(string Gram, int Count, double Idf)> QueryGrams(string folded, IndexReader reader)
    {
        var documents = Math.Max(1, reader.NumDocs);
        var stats = TermLookups.Of(reader);
        var grams = new List<(string, int, double)>();
        foreach (var group in KoreanTokens.Bigrams(folded).GroupBy(t => t.Term, StringComparer.Ordinal))
        {
            var df = KnowledgeFields.Parts.Max(p => stats.DocFreq(new Term(p.Name + "_g", group.Key)));
            if (df > 0)
            {
                grams.Add((group.Key, group.Count(), Math.Log((double)documents / df)));
            }
        }

        return grams;
    }

    /// <summary>
    /// A candidate's bigram counts, read and tokenised once per index segment and document (issue 13, search speed): a
    /// segment's documents never change (an edit writes a new document elsewhere), so the counts stay right for as long
    /// as the segment lives, and the table goes with it. Bounded per segment; past the bound it starts afresh.
    /// </summary>
    private static (Dictionary<string, int> Counts, int Total) CountsOf(IndexSearcher searcher, int doc)
    {
        var leaves = searcher.IndexReader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        var table = Cache.GetValue(leaf.AtomicReader.CoreCacheKey, _ => new ConcurrentDictionary<int, (Dictionary<string, int>, int)>());
        var local = doc - leaf.DocBase;
        if (table.TryGetValue(local, out var counts))
        {
            return counts;
        }

        if (table.Count >= MaxCachedPerSegment)
        {
            table.Clear();
        }

        counts = ArticleCounts(searcher.Doc(doc, StoredFields));
        table[local] = counts;
        return counts;
    }

    private static (Dictionary<string, int> Counts, int Total) ArticleCounts(Lucene.Net.Documents.Document doc)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var total = 0;
        Add(doc.Get(KnowledgeFields.Body), 1);
        foreach (var name in new[] { KnowledgeFields.Title, KnowledgeFields.Keywords, KnowledgeFields.Questions })
        {
            Add(doc.Get(name), 2);
        }

        return (counts, total);

        void Add(string? text, int times)
        {
            foreach (var token in KoreanTokens.Bigrams(text))
            {
                counts[token.Term] = counts.GetValueOrDefault(token.Term) + times;
                total += times;
            }
        }
    }

    private static double LogLikelihood(List<(string Gram, int Count, double Idf)> grams, (Dictionary<string, int> Counts, int Total) article)
    {
        var denominator = article.Total + Alpha * Vocabulary;
        var sum = 0.0;
        foreach (var (gram, count, idf) in grams)
        {
            sum += count * idf * Math.Log((article.Counts.GetValueOrDefault(gram) + Alpha) / denominator);
        }

        return sum;
    }
}
