using Lucene.Net.Index;
using Lucene.Net.Search;
using Minwon.Core.Knowledge;
using Minwon.Core.Korean;

namespace Minwon.Server.Features.Knowledge.Search;

/// <summary>
/// Builds the Lucene query for a citizen's question: every bigram and stem is a SHOULD clause on each part of the
/// article with that part's boost, so BM25 sums the evidence; synonyms add their phrases at a lower weight.
/// Jamo trigrams are added only for the words and bigrams the index has never seen (most likely typos):
/// jamo terms are common, and adding them for every query would cost most of the search time for no gain.
/// Nothing is parsed with Lucene syntax, so no input can make the query invalid.
/// </summary>
public sealed class KnowledgeQueryBuilder(KnowledgeAnalyzer analyzer, KnowledgeAnalysis analysis)
{
    private const int MaxTermsPerView = 48;
    private const int MaxBigrams = 28;
    private const float StemWeight = 1.2f;
    private const float TypoWeight = 0.5f;
    private const float SynonymWeight = 0.6f;
    private const double CommonRatio = 0.02;
    private const int MinCommonDocFreq = 500;

    static KnowledgeQueryBuilder() => BooleanQuery.MaxClauseCount = 8192;

    public KnowledgeAnalysis Analysis => analysis;

    /// <summary>
    /// A citizen's question as this analysis reads it: normalised and cut to <see cref="KoreanNormalizer.MaxQueryLength"/>,
    /// typed and dialect spellings folded (<see cref="SpokenQueryFolding"/>), and for the Korean analysis English
    /// loanwords (파킹, 디파짓) replaced by the Korean words articles use (<see cref="LoanwordFolding"/>, issue 13, session
    /// 11). Folded once per search: <see cref="Build"/> and the rescoring (<see cref="ArticleQuestionModel"/>) read it.
    /// </summary>
    public FoldedQuestion Fold(string question)
    {
        var spoken = SpokenQueryFolding.Fold(KoreanNormalizer.NormalizeQuery(question));
        return new FoldedQuestion(analysis == KnowledgeAnalysis.Korean ? LoanwordFolding.Fold(spoken) : spoken);
    }

    /// <summary>The text query for a question as <see cref="Fold"/> gives it, or null when it has no searchable term.</summary>
    public Query? Build(FoldedQuestion question, SynonymExpander synonyms, IndexReader reader)
    {
        var folded = question.Text;
        if (folded.Length == 0)
        {
            return null;
        }

        var root = new BooleanQuery(disableCoord: true);
        if (analysis == KnowledgeAnalysis.Whitespace)
        {
            AddTerms(root, "_w", analyzer.Terms("x_w", folded), 1f, TermLookups.Of(reader));
            return root.Clauses.Count == 0 ? null : root;
        }

        var stats = TermLookups.Of(reader);
        AddKorean(root, folded, 1f, stats);

        // The colloquial lexicon's service names are what articles say in their title, questions and keywords;
        // matching them in bodies too would double the clauses of a long question for little gain (issue 13, search
        // p95). Ordinary synonyms keep the body: they mark the passage the assistant highlights.
        // A service the question describes with several everyday phrases weighs more than one it touches once
        // (issue 13, session 6): half the synonym weight again per further phrase, at most twice the weight.
        var phrases = synonyms.Expand(folded);
        var shared = SharedByServices(phrases.Where(synonyms.IsServiceName).ToList());
        foreach (var phrase in phrases)
        {
            var service = synonyms.IsServiceName(phrase);
            var weight = service ? SynonymWeight * Math.Min(2f, 1f + 0.5f * (synonyms.Triggers(folded, phrase) - 1)) : SynonymWeight;
            AddKorean(root, phrase, weight, stats, skipBody: service, except: service ? shared : null);
        }

        return root.Clauses.Count == 0 ? null : SplitByFrequency(root, stats, reader.MaxDoc);
    }

    /// <summary>
    /// Terms found in a large share of the base (신청, 안내 on 100,000 articles) are scored only on documents that
    /// match a rarer term, the idea of Lucene's CommonTermsQuery: they still order the results, but their long
    /// posting lists are skipped through instead of read whole, which keeps a query within a few milliseconds.
    /// </summary>
    private static Query SplitByFrequency(BooleanQuery all, TermLookups stats, int maxDoc)
    {
        var threshold = Math.Max(MinCommonDocFreq, (int)(maxDoc * CommonRatio));
        var rare = new BooleanQuery(disableCoord: true);
        var common = new BooleanQuery(disableCoord: true);
        foreach (var clause in all.Clauses)
        {
            var target = clause.Query is TermQuery term && stats.DocFreq(term.Term) > threshold ? common : rare;
            target.Add(clause);
        }

        if (rare.Clauses.Count == 0 || common.Clauses.Count == 0)
        {
            return all;
        }

        return new RareFirstQuery(rare, common);
    }

    /// <summary>The body terms of a query, moved to the highlight field, for marking the passage that matched.</summary>
    public static Query BodyQuery(Query query)
    {
        var body = new BooleanQuery(disableCoord: true);
        Collect(query, body);
        return body;

        static void Collect(Query query, BooleanQuery body)
        {
            if (query is TermQuery term && term.Term.Field is "body_g" or "body_w")
            {
                body.Add(new TermQuery(new Term(KnowledgeFields.BodyHighlight, term.Term.Text)) { Boost = term.Boost }, Occur.SHOULD);
            }
            else if (query is BooleanQuery boolean)
            {
                foreach (var clause in boolean.Clauses)
                {
                    Collect(clause.Query, body);
                }
            }
        }
    }

    /// <summary>
    /// Neighbour contrast (session 13): when a question fires the lexicon for two or more services, the bigrams and
    /// stems their service names share (수도요금 in "수도요금 조회 납부" and "수도요금 과다 누수 감면") are what the
    /// neighbours have in common; adding them once per service would lift every neighbour alike, the one the
    /// question's own words already favour most. Only the words that tell the services apart are expanded then.
    /// </summary>
    internal static HashSet<string> SharedByServices(IReadOnlyList<string> services)
    {
        var shared = new HashSet<string>(StringComparer.Ordinal);
        if (services.Count < 2)
        {
            return shared;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var service in services)
        {
            var terms = KoreanTokens.Bigrams(service).Select(t => t.Term).Concat(KoreanTokens.Stems(service).Select(t => t.Term)).ToHashSet(StringComparer.Ordinal);
            foreach (var term in terms)
            {
                if (!seen.Add(term))
                {
                    shared.Add(term);
                }
            }
        }

        return shared;
    }

    private static void AddKorean(BooleanQuery root, string text, float weight, TermLookups reader, bool skipBody = false, HashSet<string>? except = null)
    {
        var bigrams = KoreanTokens.Bigrams(text);
        var keepNoise = QueryNoise.AllNoise(bigrams);
        var grams = bigrams.Select(t => t.Term).Where(t => (keepNoise || !QueryNoise.IsNoiseBigram(t)) && except?.Contains(t) != true).Distinct().ToList();
        grams = Informative(grams, reader, MaxBigrams);
        AddTerms(root, "_g", grams, weight, reader, skipBody);

        var stems = KoreanTokens.Stems(text).Select(t => t.Term).Where(t => !QueryNoise.IsNoiseStem(t) && except?.Contains(t) != true).Distinct().Take(MaxTermsPerView).ToList();
        AddTerms(root, "_s", stems, weight * StemWeight, reader, skipBody: true); // body has no stems field

        var unknown = grams.Where(g => g.Length == 2 && Unseen(reader, "_g", g))
            .Concat(stems.Where(s => s.Length > 2 && Unseen(reader, "_s", s)))
            .ToList();
        var jamo = unknown.SelectMany(u => KoreanTokens.JamoGrams(u)).Select(t => t.Term).Distinct().Take(MaxTermsPerView);
        foreach (var gram in jamo)
        {
            reader.Add(root, new Term(KnowledgeFields.Typo, gram), weight * TypoWeight);
        }
    }

    /// <summary>
    /// A long, chatty question has more bigrams than it has meaning: past <paramref name="most"/>, the ones found in
    /// the fewest articles are kept (in question order), so the telling word in the middle of a long sentence stays
    /// and the cost of a query no longer grows with its length (issue 13). Bigrams no article has are kept too: they
    /// cost nothing to look up and are what the typo terms start from.
    /// </summary>
    private static List<string> Informative(List<string> grams, TermLookups reader, int most)
    {
        if (grams.Count <= most)
        {
            return grams;
        }

        var frequency = grams.ToDictionary(g => g, g => KnowledgeFields.Parts.Max(p => reader.DocFreq(new Term(p.Name + "_g", g))));
        var keep = grams.Where(g => frequency[g] > 0).OrderBy(g => frequency[g]).Take(most).ToHashSet(StringComparer.Ordinal);
        keep.UnionWith(grams.Where(g => frequency[g] == 0));
        return grams.Where(keep.Contains).ToList();
    }

    private static bool Unseen(TermLookups reader, string suffix, string term) =>
        KnowledgeFields.Parts.All(p => reader.DocFreq(new Term(p.Name + suffix, term)) == 0);

    private static void AddTerms(BooleanQuery root, string suffix, IEnumerable<string> terms, float weight, TermLookups stats, bool skipBody = false)
    {
        var list = terms.Distinct().Take(MaxTermsPerView).ToList();
        foreach (var (name, boost) in KnowledgeFields.Parts)
        {
            if (skipBody && name == "body")
            {
                continue;
            }

            foreach (var term in list)
            {
                stats.Add(root, new Term(name + suffix, term), boost * weight);
            }
        }
    }
}
