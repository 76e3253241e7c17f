using Minwon.Server.Features.Knowledge.Search;

namespace Minwon.Server.Features.Knowledge.Embeddings;

/// <summary>
/// Reciprocal-rank fusion of the lexical ranking (BM25 with the naive-Bayes rescoring) and the dense one (cosine of
/// embeddings): each article scores 1/(K + its BM25 rank) + w/(K + its dense rank), an absent rank adding nothing,
/// ties going to the lexical order. Ranks, not scores, are fused because BM25 scores and cosines are on unrelated
/// scales that change with the question and the model. The reported score stays BM25's; an article only the dense
/// ranking found gets the best BM25 score times its cosine, so thresholds written for BM25 still mean something.
/// </summary>
public static class HybridRanking
{
    public const int K = 60;

    /// <summary>How many of each ranking take part in the fusion.</summary>
    public const int Depth = 20;

    public static IReadOnlyList<IndexHit> Fuse(IReadOnlyList<IndexHit> lexical, IReadOnlyList<(string Id, float Cosine)> dense,
        Func<IReadOnlyCollection<string>, IReadOnlyList<IndexHit>> fetch, double denseWeight, int top)
    {
        var score = new Dictionary<string, double>(StringComparer.Ordinal);
        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Math.Min(Depth, lexical.Count); i++)
        {
            score[lexical[i].Id] = 1.0 / (K + i + 1);
            order[lexical[i].Id] = i;
        }

        for (var i = 0; i < Math.Min(Depth, dense.Count); i++)
        {
            score[dense[i].Id] = score.GetValueOrDefault(dense[i].Id) + denseWeight / (K + i + 1);
            order.TryAdd(dense[i].Id, Depth + i);
        }

        var ranked = score.Keys.OrderByDescending(id => score[id]).ThenBy(id => order[id]).Take(top).ToList();
        var byId = lexical.ToDictionary(h => h.Id, StringComparer.Ordinal);
        var cosines = dense.ToDictionary(d => d.Id, d => d.Cosine, StringComparer.Ordinal);
        var best = lexical.Count > 0 ? lexical[0].Score : 1f;
        foreach (var hit in fetch(ranked.Where(id => !byId.ContainsKey(id)).ToList()))
        {
            byId[hit.Id] = hit with { Score = best * Math.Max(0f, cosines[hit.Id]) };
        }

        // An id the index no longer has (retired, or not valid now) is dropped here.
        return ranked.Where(byId.ContainsKey).Select(id => byId[id]).ToList();
    }
}
