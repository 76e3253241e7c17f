using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Minwon.Server.Features.Knowledge.Search;

/// <summary>
/// A question's rare terms (MUST, any of them) and its common terms (SHOULD, scored only where a rare one matched), as
/// <see cref="KnowledgeQueryBuilder"/> splits them on a large base. It is an ordinary BooleanQuery of those two clauses,
/// so anything can run it; <see cref="Candidates"/> runs it faster for the few best hits the search needs.
/// </summary>
public sealed class RareFirstQuery : BooleanQuery
{
    /// <summary>
    /// How many of the rare terms' best documents get their common terms' score added. Large on purpose: a base holds
    /// near-copies of an article (per district and year), and the pool must reach past one article's copies for the
    /// common terms to still decide between articles (chosen with `knowledge-index-scale --phases`, quality at 100,000).
    /// </summary>
    public const int Pool = 4000;

    public RareFirstQuery(BooleanQuery rare, BooleanQuery common)
        : base(disableCoord: true)
    {
        Rare = rare;
        Common = common;
        Add(rare, Occur.MUST);
        Add(common, Occur.SHOULD);
    }

    public BooleanQuery Rare { get; }

    public BooleanQuery Common { get; }

    /// <summary>
    /// The best <paramref name="top"/> documents for <paramref name="query"/> (issue 13, search speed at 100,000
    /// articles). For a <see cref="RareFirstQuery"/>: the rare terms alone are searched first as a plain disjunction
    /// (Lucene's bucket scorer, no MUST clause to hold it back), keeping the best <paramref name="pool"/>; then only those are
    /// advanced to in the common terms' postings and their common score added (BM25 sums clause scores, no coordination
    /// factor, so rare + common is the full query's score). Before, every document any rare term matched (thousands on a
    /// large base) was scored against every common term. A document outside the rare terms' best <paramref name="pool"/> that
    /// the common terms alone would have lifted into the top is the one thing this can miss. Lucene's QueryRescorer would
    /// do this second pass with one scorer of the whole common BooleanQuery (a disjunction heap advanced to every
    /// candidate), as this method's first version did: 6.5 ms mean against 4.1 ms for one scorer per term at pool 4,000
    /// (docs/benchmarks/knowledge.md), hence the loop.
    /// </summary>
    public static TopDocs Candidates(IndexSearcher searcher, Query query, Filter? filter, int top, int pool = Pool)
    {
        if (query is not RareFirstQuery split)
        {
            return searcher.Search(query, filter, top);
        }

        var first = searcher.Search(split.Rare, filter, Math.Max(top, pool));
        if (first.ScoreDocs.Length == 0)
        {
            return first;
        }

        var scores = first.ScoreDocs.ToDictionary(d => d.Doc, d => d.Score);
        var docs = scores.Keys.Order().ToList();
        // Each common term on its own (no disjunction heap): advanced through the sorted candidates, its score added.
        var weights = split.Common.Clauses.Select(c => searcher.CreateNormalizedWeight(c.Query)).ToList();
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            var end = leaf.DocBase + leaf.AtomicReader.MaxDoc;
            var inLeaf = docs.Where(d => d >= leaf.DocBase && d < end).ToList();
            if (inLeaf.Count == 0)
            {
                continue;
            }

            foreach (var weight in weights)
            {
                if (weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs) is not { } scorer)
                {
                    continue;
                }

                foreach (var doc in inLeaf)
                {
                    var local = doc - leaf.DocBase;
                    var at = scorer.DocID < local ? scorer.Advance(local) : scorer.DocID;
                    if (at == DocIdSetIterator.NO_MORE_DOCS)
                    {
                        break;
                    }

                    if (at == local)
                    {
                        scores[doc] += scorer.GetScore();
                    }
                }
            }
        }

        var ranked = scores.Select(s => new ScoreDoc(s.Key, s.Value))
            .OrderByDescending(d => d.Score).ThenBy(d => d.Doc)
            .Take(top)
            .ToArray();
        return new TopDocs(first.TotalHits, ranked, ranked[0].Score);
    }
}
