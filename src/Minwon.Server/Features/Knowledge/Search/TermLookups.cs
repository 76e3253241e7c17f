using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Minwon.Server.Features.Knowledge.Search;

/// <summary>
/// The term look-ups of one index reader, done once (issue 13, search speed at 100,000 articles). Building a query
/// asks each bigram's document frequency in every part of the article (to keep a long question's rarest bigrams, to
/// find typos, to split off common terms) and Lucene asked the same terms dictionaries again when it weighed each
/// clause: hundreds of seeks per question. A <see cref="TermContext"/> per term answers both, is handed to the
/// <see cref="TermQuery"/> so the search does not seek again, and is kept for the reader's lifetime (a reader's terms
/// never change; a refreshed reader after an edit gets a new table), so the next question with the same words skips
/// the seeks entirely. A clause for a term no article of that field holds is not added: it could score nothing
/// (BM25, no coordination factor), so the results are the same with fewer clauses.
/// </summary>
public sealed class TermLookups
{
    private const int MaxCachedTerms = 200_000; // a few hundred bytes each; past the bound the table starts afresh

    private static readonly ConditionalWeakTable<IndexReader, TermLookups> PerReader = new();

    private readonly IndexReader reader;
    private readonly ConcurrentDictionary<Term, TermContext> contexts = new();

    private TermLookups(IndexReader reader) => this.reader = reader;

    public static TermLookups Of(IndexReader reader) => PerReader.GetValue(reader, r => new TermLookups(r));

    /// <summary>How many terms are cached (for tests).</summary>
    public int Cached => contexts.Count;

    public int DocFreq(Term term) => Context(term).DocFreq;

    /// <summary>Adds a SHOULD clause for <paramref name="term"/> with its looked-up state, unless no document holds it.</summary>
    public void Add(BooleanQuery root, Term term, float boost)
    {
        var context = Context(term);
        if (context.DocFreq > 0)
        {
            root.Add(new TermQuery(term, context) { Boost = boost }, Occur.SHOULD);
        }
    }

    private TermContext Context(Term term)
    {
        if (contexts.TryGetValue(term, out var context))
        {
            return context;
        }

        if (contexts.Count >= MaxCachedTerms)
        {
            contexts.Clear();
        }

        context = TermContext.Build(reader.Context, term);
        contexts[term] = context;
        return context;
    }
}
