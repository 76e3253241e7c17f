using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Minwon.Core.Knowledge;

namespace Minwon.Server.Features.Knowledge.Search;

/// <summary>
/// One Lucene index of articles: the process's single IndexWriter on the directory (Lucene locks it) and
/// near-real-time searchers from a SearcherManager, refreshed after every write so an edit is searchable at once.
/// Retired articles are deleted; validity periods are filtered at query time so they start and end on their own.
/// </summary>
public sealed class KnowledgeIndex : IDisposable
{
    private static readonly ISet<string> IdOnly = new HashSet<string> { KnowledgeFields.Id };

    private readonly Lucene.Net.Store.Directory directory;
    private readonly IndexWriter? writer;
    private readonly SearcherManager searchers;

    /// <param name="readOnly">
    /// Search only, for when another process (a running server) holds the writer lock: the command line can
    /// still search, seeing that process's commits.
    /// </param>
    public KnowledgeIndex(Lucene.Net.Store.Directory directory, KnowledgeAnalysis analysis, bool readOnly = false)
    {
        this.directory = directory;
        Analyzer = new KnowledgeAnalyzer();
        Queries = new KnowledgeQueryBuilder(Analyzer, analysis);
        if (readOnly)
        {
            searchers = new SearcherManager(directory, new Bm25SearcherFactory());
            return;
        }

        var config = new IndexWriterConfig(KnowledgeAnalyzer.Version, Analyzer)
        {
            Similarity = new BM25Similarity(),
            OpenMode = OpenMode.CREATE_OR_APPEND,
            RAMBufferSizeMB = 128,
        };
        writer = new IndexWriter(directory, config);
        searchers = new SearcherManager(writer, applyAllDeletes: true, new Bm25SearcherFactory());
    }

    public KnowledgeAnalysis Analysis => Queries.Analysis;

    public bool IsReadOnly => writer is null;

    private IndexWriter Writer => writer ?? throw new InvalidOperationException("The knowledge index is open read-only: another process holds its write lock.");

    public KnowledgeAnalyzer Analyzer { get; }

    public KnowledgeQueryBuilder Queries { get; }

    public static KnowledgeIndex InMemory(KnowledgeAnalysis analysis) => new(new RAMDirectory(), analysis);

    public int Count
    {
        get
        {
            var searcher = searchers.Acquire();
            try
            {
                return searcher.IndexReader.NumDocs;
            }
            finally
            {
                searchers.Release(searcher);
            }
        }
    }

    /// <summary>Adds or replaces articles by id; retired ones are removed. Call <see cref="Commit"/> to make it durable.</summary>
    public void Upsert(IEnumerable<Article> articles)
    {
        foreach (var article in articles)
        {
            var id = new Term(KnowledgeFields.Id, article.Id);
            if (article.Retired)
            {
                Writer.DeleteDocuments(id);
            }
            else
            {
                Writer.UpdateDocument(id, KnowledgeDocuments.Create(article, Analysis));
            }
        }

        searchers.MaybeRefreshBlocking();
    }

    /// <summary>Adds articles known to be new (a rebuild); faster than <see cref="Upsert"/> as nothing is looked up.</summary>
    public void AddNew(IEnumerable<Article> articles)
    {
        foreach (var article in articles.Where(a => !a.Retired))
        {
            Writer.AddDocument(KnowledgeDocuments.Create(article, Analysis));
        }
    }

    /// <summary>Empties the index for a rebuild; searchers keep seeing the old content until <see cref="Commit"/>.</summary>
    public void DeleteAll() => Writer.DeleteAll();

    public void Commit()
    {
        Writer.Commit();
        searchers.MaybeRefreshBlocking();
    }

    public IReadOnlyList<IndexHit> Search(string query, int top, DateTimeOffset now, SynonymExpander synonyms, bool withDocuments = false)
    {
        if (top <= 0)
        {
            return [];
        }

        if (IsReadOnly)
        {
            searchers.MaybeRefresh();
        }

        var searcher = searchers.Acquire();
        try
        {
            return Search(searcher, query, top, now, synonyms, withDocuments);
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    private IReadOnlyList<IndexHit> Search(IndexSearcher searcher, string query, int top, DateTimeOffset now, SynonymExpander synonyms, bool withDocuments)
    {
        var folded = Queries.Fold(query);
        if (Queries.Build(folded, synonyms, searcher.IndexReader) is not { } text)
        {
            return [];
        }

        var docs = RareFirstQuery.Candidates(searcher, text, ValidityFilter(searcher.IndexReader, now), Math.Max(top, ArticleQuestionModel.Candidates));
        var ranked = Analysis == KnowledgeAnalysis.Korean
            ? ArticleQuestionModel.Rerank(folded, docs.ScoreDocs, searcher).Select(x => x.Hit)
            : docs.ScoreDocs;
        var hits = new List<IndexHit>(top);
        foreach (var scored in ranked.Take(top))
        {
            var doc = withDocuments ? searcher.Doc(scored.Doc) : searcher.Doc(scored.Doc, IdOnly);
            hits.Add(new IndexHit(doc.Get(KnowledgeFields.Id), scored.Score,
                doc.Get(KnowledgeFields.Title), doc.Get(KnowledgeFields.Body), doc.Get(KnowledgeFields.ShortAnswer), text));
        }

        return hits;
    }

    /// <summary>
    /// The current (valid now) articles among these ids, in the order given, with a zero score: the hits the dense
    /// ranking found that BM25 did not. <paramref name="query"/> is kept on each hit for highlighting.
    /// </summary>
    public IReadOnlyList<IndexHit> Fetch(IReadOnlyCollection<string> ids, DateTimeOffset now, bool withDocuments, Query query)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var searcher = searchers.Acquire();
        try
        {
            var filter = ValidityFilter(searcher.IndexReader, now);
            var hits = new List<IndexHit>(ids.Count);
            foreach (var id in ids)
            {
                var found = searcher.Search(new TermQuery(new Term(KnowledgeFields.Id, id)), filter, 1).ScoreDocs;
                if (found.Length == 1)
                {
                    var doc = withDocuments ? searcher.Doc(found[0].Doc) : searcher.Doc(found[0].Doc, IdOnly);
                    hits.Add(new IndexHit(id, 0, doc.Get(KnowledgeFields.Title), doc.Get(KnowledgeFields.Body), doc.Get(KnowledgeFields.ShortAnswer), query));
                }
            }

            return hits;
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    /// <summary>
    /// Excludes articles not yet or no longer valid. Most bases have no dated article; then there is no filter
    /// at all, and the query runs on Lucene's fastest path.
    /// </summary>
    private static Filter? ValidityFilter(IndexReader reader, DateTimeOffset now)
    {
        var hasFrom = MultiFields.GetTerms(reader, KnowledgeFields.ValidFrom) is not null;
        var hasUntil = MultiFields.GetTerms(reader, KnowledgeFields.ValidUntil) is not null;
        if (!hasFrom && !hasUntil)
        {
            return null;
        }

        var ticks = now.UtcTicks;
        var valid = new BooleanQuery(disableCoord: true) { { new MatchAllDocsQuery(), Occur.MUST } };
        if (hasFrom)
        {
            valid.Add(NumericRangeQuery.NewInt64Range(KnowledgeFields.ValidFrom, ticks + 1, long.MaxValue, true, true), Occur.MUST_NOT);
        }

        if (hasUntil)
        {
            valid.Add(NumericRangeQuery.NewInt64Range(KnowledgeFields.ValidUntil, long.MinValue, ticks - 1, true, true), Occur.MUST_NOT);
        }

        return new QueryWrapperFilter(valid);
    }

    public void Dispose()
    {
        searchers.Dispose();
        writer?.Dispose();
        Analyzer.Dispose();
        directory.Dispose();
    }

    private sealed class Bm25SearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = new BM25Similarity() };
    }
}
