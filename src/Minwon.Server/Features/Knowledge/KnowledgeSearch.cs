using System.Net;
using Lucene.Net.Index;
using Lucene.Net.Search.Highlight;
using Lucene.Net.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Minwon.Core.Knowledge;
using Minwon.Server.Data;
using Minwon.Server.Features.Knowledge.Embeddings;
using Minwon.Server.Features.Knowledge.Search;
using Minwon.Server.Platform;

namespace Minwon.Server.Features.Knowledge;

/// <summary>
/// The knowledge search service (one per process): owns the Lucene index in {DataDir}/index/knowledge, keeps it
/// in step with the database (rebuilt when missing or from an older schema) and answers queries with the
/// administrators' synonyms applied. Only current articles are returned.
/// </summary>
public sealed partial class KnowledgeSearch(
    IOptions<MinwonOptions> options, IServiceScopeFactory scopes, TimeProvider time, ILogger<KnowledgeSearch> logger,
    KnowledgeEmbeddings embeddings, IOptions<KnowledgeEmbeddingOptions> embeddingOptions) : IDisposable
{
    public const int MaxTop = 100;
    private const int PassageLength = 120;
    private const int BatchSize = 2000;

    private readonly SemaphoreSlim gate = new(1, 1);

    // Edits wait for a running rebuild: a rebuild adds without looking up ids, so an edit in between would duplicate.
    private readonly SemaphoreSlim writeGate = new(1, 1);
    private KnowledgeIndex? index;
    private volatile SynonymExpander? synonyms;

    public string IndexDirectory => Path.Combine(options.Value.ResolvedDataDir, "index", "knowledge");

    private string SchemaFile => Path.Combine(options.Value.ResolvedDataDir, "index", "knowledge.schema");

    public async Task<IReadOnlyList<KnowledgeHit>> SearchAsync(string? query, int top, CancellationToken cancellationToken)
    {
        var hits = await SearchIndexAsync(query, top, withDocuments: true, cancellationToken);
        var result = new List<KnowledgeHit>(hits.Count);
        var bodyQuery = hits.Count > 0 ? KnowledgeQueryBuilder.BodyQuery(hits[0].Query) : null;
        foreach (var hit in hits)
        {
            var shortAnswer = string.IsNullOrWhiteSpace(hit.ShortAnswer) ? ShortAnswer.FromBody(hit.Body) : hit.ShortAnswer;
            result.Add(new KnowledgeHit(hit.Id, hit.Title ?? "", hit.Score, shortAnswer, Highlight(hit.Body, bodyQuery!)));
        }

        return result;
    }

    /// <summary>Ids and scores only: what the command line and the evaluation need, without highlighting.</summary>
    public async Task<IReadOnlyList<IndexHit>> SearchIndexAsync(string? query, int top, bool withDocuments, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(query) || top <= 0)
        {
            return [];
        }

        var idx = await GetIndexAsync(cancellationToken);
        var expander = synonyms ?? await LoadSynonymsAsync(cancellationToken);
        var limit = Math.Min(top, MaxTop);
        var now = time.GetUtcNow();
        if (!embeddings.IsEnabled)
        {
            return idx.Search(query, limit, now, expander, withDocuments);
        }

        // Hybrid (issue 13, optional): the question's vector is asked for while BM25 runs; without it, BM25 alone.
        await embeddings.EnsureLoadedAsync(cancellationToken);
        var vectorTask = embeddings.Count > 0 ? embeddings.QueryVectorAsync(query, cancellationToken) : null;
        var lexical = idx.Search(query, Math.Max(limit, HybridRanking.Depth), now, expander, withDocuments);
        if (vectorTask is null || await vectorTask is not { } vector)
        {
            return lexical.Take(limit).ToList();
        }

        var textQuery = lexical.Count > 0 ? lexical[0].Query : new Lucene.Net.Search.BooleanQuery();
        return HybridRanking.Fuse(lexical, embeddings.Nearest(vector, HybridRanking.Depth),
            ids => idx.Fetch(ids, now, withDocuments, textQuery), embeddingOptions.Value.DenseWeight, limit);
    }

    /// <summary>Brings the index in line with these articles (added, replaced, or removed when retired) and commits.</summary>
    public async Task IndexAsync(IReadOnlyCollection<Article> articles, CancellationToken cancellationToken)
    {
        var idx = await GetIndexAsync(cancellationToken);
        await writeGate.WaitAsync(cancellationToken);
        try
        {
            idx.Upsert(articles);
            idx.Commit();
        }
        finally
        {
            writeGate.Release();
        }

        // Stored per article version; a failure is logged and the articles are found by BM25 until the next catch-up.
        await embeddings.UpdateAsync(articles, cancellationToken);
    }

    /// <summary>Rebuilds the whole index from the database; returns the number of indexed articles.</summary>
    public async Task<int> ReindexAsync(CancellationToken cancellationToken)
    {
        var idx = await GetIndexAsync(cancellationToken, rebuildIfStale: false);
        await writeGate.WaitAsync(cancellationToken);
        try
        {
            var count = await RebuildAsync(idx, cancellationToken);
            if (embeddings.IsEnabled)
            {
                _ = embeddings.StartCatchUp();
            }

            return count;
        }
        finally
        {
            writeGate.Release();
        }
    }

    /// <summary>False when another process (a running server) holds the index: edits must then go through that process.</summary>
    public async Task<bool> IsWritableAsync(CancellationToken cancellationToken) => !(await GetIndexAsync(cancellationToken)).IsReadOnly;

    /// <summary>Called after an administrator edits synonyms; the next query reloads them.</summary>
    public void InvalidateSynonyms() => synonyms = null;

    public void Dispose()
    {
        index?.Dispose();
        gate.Dispose();
        writeGate.Dispose();
    }

    private async Task<KnowledgeIndex> GetIndexAsync(CancellationToken cancellationToken, bool rebuildIfStale = true)
    {
        if (index is { } ready)
        {
            return ready;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            if (index is not null)
            {
                return index;
            }

            System.IO.Directory.CreateDirectory(IndexDirectory);
            var stale = !File.Exists(SchemaFile) || (await File.ReadAllTextAsync(SchemaFile, cancellationToken)).Trim() != KnowledgeFields.SchemaVersion;
            var opened = Open(stale);
            if (!opened.IsReadOnly && rebuildIfStale && (stale || opened.Count == 0 && await HasArticlesAsync(cancellationToken)))
            {
                LogRebuilding(logger, stale);
                await RebuildAsync(opened, cancellationToken);
            }

            index = opened;
            return opened;
        }
        finally
        {
            gate.Release();
        }
    }

    private KnowledgeIndex Open(bool stale)
    {
        var directory = FSDirectory.Open(IndexDirectory);
        try
        {
            return new KnowledgeIndex(directory, KnowledgeAnalysis.Korean);
        }
        catch (LockObtainFailedException) when (!stale && DirectoryReader.IndexExists(directory))
        {
            LogReadOnly(logger);
            return new KnowledgeIndex(directory, KnowledgeAnalysis.Korean, readOnly: true);
        }
    }

    private async Task<int> RebuildAsync(KnowledgeIndex idx, CancellationToken cancellationToken)
    {
        idx.DeleteAll();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MinwonDbContext>();
        var count = 0;
        string? after = null;
        while (true)
        {
            var query = db.Set<Article>().AsNoTracking().Where(a => !a.Retired);
            if (after is not null)
            {
                query = query.Where(a => string.Compare(a.Id, after) > 0);
            }

            var batch = await query.OrderBy(a => a.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            idx.AddNew(batch);
            count += batch.Count;
            after = batch[^1].Id;
        }

        idx.Commit();
        await File.WriteAllTextAsync(SchemaFile, KnowledgeFields.SchemaVersion, cancellationToken);
        LogRebuilt(logger, count);
        return count;
    }

    private async Task<bool> HasArticlesAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MinwonDbContext>().Set<Article>().AnyAsync(a => !a.Retired, cancellationToken);
    }

    private async Task<SynonymExpander> LoadSynonymsAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var groups = await scope.ServiceProvider.GetRequiredService<MinwonDbContext>().Set<SynonymGroup>()
            .AsNoTracking().Select(g => g.Phrases).ToListAsync(cancellationToken);
        var expander = SynonymExpander.WithDefaults(groups);
        synonyms = expander;
        return expander;
    }

    private string Highlight(string? text, Lucene.Net.Search.Query bodyQuery)
    {
        var body = text ?? "";
        if (body.Length == 0 || index is null)
        {
            return "";
        }

        try
        {
            // QueryTermScorer: our queries are plain terms, and it skips the span machinery of QueryScorer.
            var scorer = new QueryTermScorer(bodyQuery, KnowledgeFields.BodyHighlight);
            var highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new HtmlTextEncoder(), scorer)
            {
                TextFragmenter = new SimpleFragmenter(PassageLength),
                MaxDocCharsToAnalyze = 20_000,
            };
            using var tokens = index.Analyzer.GetTokenStream(KnowledgeFields.BodyHighlight, body);
            if (highlighter.GetBestFragment(tokens, body) is { Length: > 0 } fragment)
            {
                // Each syllable is its own token, so a matched word arrives as <mark>여</mark><mark>권</mark>.
                return fragment.Replace("</mark><mark>", "", StringComparison.Ordinal);
            }
        }
        catch (InvalidTokenOffsetsException)
        {
            // Offsets come from our own analysis of the stored body; if they ever disagree, fall back to the opening.
        }

        return WebUtility.HtmlEncode(body.Length > PassageLength ? body[..PassageLength] + "…" : body);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The knowledge index is locked by another process (a running server?); searching read-only, edits will fail")]
    private static partial void LogReadOnly(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rebuilding the knowledge index (schema changed: {Stale})")]
    private static partial void LogRebuilding(ILogger logger, bool stale);

    [LoggerMessage(Level = LogLevel.Information, Message = "Knowledge index rebuilt with {Count} articles")]
    private static partial void LogRebuilt(ILogger logger, int count);
}
