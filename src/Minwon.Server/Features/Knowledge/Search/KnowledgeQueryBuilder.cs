using Lucene.Net.Index;
using Lucene.Net.Search;
using Minwon.Core.Knowledge;
using Minwon.Core.Korean;

namespace Minwon.Server.Features.Knowledge.Search;

/// <summary>
/// Builds the Lucene query for a citizen's question: every bigram, stem and jamo trigram is a SHOULD clause on
/// each part of the article with that part's boost, so BM25 sums the evidence; synonyms add their phrases at a
/// lower weight. Nothing is parsed with Lucene syntax, so no input can make the query invalid.
/// </summary>
public sealed class KnowledgeQueryBuilder(KnowledgeAnalyzer analyzer, KnowledgeAnalysis analysis)
{
    private const int MaxTermsPerView = 48;
    private const float StemWeight = 1.2f;
    private const float TypoWeight = 0.25f;
    private const float SynonymWeight = 0.6f;

    static KnowledgeQueryBuilder() => BooleanQuery.MaxClauseCount = 8192;

    public KnowledgeAnalysis Analysis => analysis;

    /// <summary>The text query, or null when the question has no searchable term.</summary>
    public Query? Build(string query, SynonymExpander synonyms)
    {
        var normalized = KoreanNormalizer.NormalizeQuery(query);
        if (normalized.Length == 0)
        {
            return null;
        }

        var root = new BooleanQuery(disableCoord: true);
        if (analysis == KnowledgeAnalysis.Whitespace)
        {
            AddTerms(root, "_w", analyzer.Terms("x_w", query.Length > KoreanNormalizer.MaxQueryLength ? query[..KoreanNormalizer.MaxQueryLength] : query), 1f);
            return root.Clauses.Count == 0 ? null : root;
        }

        AddKorean(root, normalized, 1f);
        foreach (var phrase in synonyms.Expand(normalized))
        {
            AddKorean(root, phrase, SynonymWeight);
        }

        return root.Clauses.Count == 0 ? null : root;
    }

    /// <summary>The body-only part of a query, for highlighting the passage that matched.</summary>
    public Query BodyQuery(Query query)
    {
        var body = new BooleanQuery(disableCoord: true);
        foreach (var clause in ((BooleanQuery)query).Clauses)
        {
            if (clause.Query is TermQuery term && term.Term.Field is "body_g" or "body_w")
            {
                body.Add(new TermQuery(term.Term), Occur.SHOULD);
            }
        }

        return body;
    }

    private void AddKorean(BooleanQuery root, string text, float weight)
    {
        var bigrams = KoreanTokens.Bigrams(text);
        var keepNoise = QueryNoise.AllNoise(bigrams);
        var grams = bigrams.Select(t => t.Term).Where(t => keepNoise || !QueryNoise.IsNoiseBigram(t)).Distinct().Take(MaxTermsPerView);
        AddTerms(root, "_g", grams, weight);

        var stems = KoreanTokens.Stems(text).Select(t => t.Term).Where(t => !QueryNoise.IsNoiseStem(t)).Distinct().Take(MaxTermsPerView);
        AddTerms(root, "_s", stems, weight * StemWeight);

        foreach (var gram in KoreanTokens.JamoGrams(text).Select(t => t.Term).Distinct().Take(MaxTermsPerView * 2))
        {
            root.Add(new TermQuery(new Term(KnowledgeFields.Typo, gram)) { Boost = weight * TypoWeight }, Occur.SHOULD);
        }
    }

    private static void AddTerms(BooleanQuery root, string suffix, IEnumerable<string> terms, float weight)
    {
        var list = terms.Distinct().Take(MaxTermsPerView).ToList();
        foreach (var (name, boost) in KnowledgeFields.Parts)
        {
            foreach (var term in list)
            {
                root.Add(new TermQuery(new Term(name + suffix, term)) { Boost = boost * weight }, Occur.SHOULD);
            }
        }
    }
}
