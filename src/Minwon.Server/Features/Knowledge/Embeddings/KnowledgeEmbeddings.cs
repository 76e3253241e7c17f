using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Runtime.InteropServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Minwon.Server.Data;
using Minwon.Server.Platform.Observability;
using OpenAI;

namespace Minwon.Server.Features.Knowledge.Embeddings;

/// <summary>
/// Article and question vectors from an embedding model behind Microsoft.Extensions.AI (issue 13), for the optional
/// dense half of the hybrid search. Article vectors are computed when articles are imported or saved, stored per
/// article version and model (<see cref="ArticleEmbedding"/>), kept in memory for a brute-force cosine search, and
/// computed again in the background for articles whose stored vector is missing, of another version or of another
/// model. A question's vector is asked for with a short timeout; any failure (timeout, HTTP error, an answer that is
/// not an embedding, a vector of another length) returns null, is logged and counted, and the search answers with
/// BM25 alone. Nothing here is required: with no URL or model the service does nothing.
/// </summary>
public sealed partial class KnowledgeEmbeddings(
    IOptions<KnowledgeEmbeddingOptions> options, IServiceScopeFactory scopes, TimeProvider time, ILogger<KnowledgeEmbeddings> logger) : IDisposable
{
    private const int MaxTextLength = 2000;

    // Instruments join Minwon's meter by name (OpenTelemetry listens to it), without editing the shared metrics class.
    private static readonly Meter Meter = new(MinwonMetrics.MeterName);
    private static readonly Counter<long> Fallbacks = Meter.CreateCounter<long>("minwon.knowledge.embedding_fallbacks", "{query}",
        "Searches answered by BM25 alone because the question's embedding failed, by reason (timeout, error, dimension).");
    private static readonly Counter<long> IndexFailures = Meter.CreateCounter<long>("minwon.knowledge.embedding_index_failures", "{article}",
        "Article vectors that could not be computed on import, save or catch-up (searched by BM25 alone until computed).");

    private readonly ConcurrentDictionary<string, float[]> vectors = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim storeGate = new(1, 1);
    private readonly SemaphoreSlim loadGate = new(1, 1);
    private readonly Lock catchUpLock = new();
    private IEmbeddingGenerator<string, Embedding<float>>? generator;
    private volatile bool loaded;
    private int dimensions;
    private Task catchUp = Task.CompletedTask;

    public bool IsEnabled => options.Value.IsEnabled;

    public string Model => options.Value.Model;

    /// <summary>Articles with a current vector in memory.</summary>
    public int Count => vectors.Count;

    private IEmbeddingGenerator<string, Embedding<float>> Generator => generator ??= Create(options.Value);

    /// <summary>The OpenAI-compatible client (Microsoft.Extensions.AI.OpenAI) with no retries: a search must not wait.</summary>
    internal static IEmbeddingGenerator<string, Embedding<float>> Create(KnowledgeEmbeddingOptions settings)
    {
        var client = new OpenAIClient(new ApiKeyCredential(settings.ApiKey.Length > 0 ? settings.ApiKey : "none"), new OpenAIClientOptions
        {
            Endpoint = new Uri(settings.Url),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = TimeSpan.FromSeconds(Math.Max(1, settings.IndexTimeoutSeconds)),
        });
        return client.GetEmbeddingClient(settings.Model).AsIEmbeddingGenerator();
    }

    /// <summary>Loads the stored vectors of the current model once, then computes missing or stale ones in the background.</summary>
    public async Task EnsureLoadedAsync(CancellationToken cancellationToken)
    {
        if (!IsEnabled || loaded)
        {
            return;
        }

        await loadGate.WaitAsync(cancellationToken);
        try
        {
            if (loaded)
            {
                return;
            }

            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MinwonDbContext>();
            var model = Model;
            var current = await db.Set<ArticleEmbedding>().AsNoTracking()
                .Join(db.Set<Article>().Where(a => !a.Retired), e => e.ArticleId, a => a.Id, (e, a) => new { e, a.Version })
                .Where(x => x.e.Model == model && x.e.Version == x.Version)
                .Select(x => x.e)
                .ToListAsync(cancellationToken);
            foreach (var row in current)
            {
                Remember(row.ArticleId, FromBytes(row.Vector));
            }

            loaded = true;
            LogLoaded(logger, current.Count, model);
            _ = StartCatchUp();
        }
        finally
        {
            loadGate.Release();
        }
    }

    /// <summary>Runs <see cref="CatchUpAsync"/> in the background unless one is running; the task is kept for tests.</summary>
    public Task StartCatchUp()
    {
        lock (catchUpLock)
        {
            if (catchUp.IsCompleted)
            {
                catchUp = Task.Run(async () =>
                {
                    try
                    {
                        await CatchUpAsync(CancellationToken.None);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        LogCatchUpFailed(logger, e);
                    }
                });
            }

            return catchUp;
        }
    }

    /// <summary>Computes and stores vectors for current articles whose stored one is missing, of an older version or another model.</summary>
    public async Task<int> CatchUpAsync(CancellationToken cancellationToken)
    {
        if (!IsEnabled)
        {
            return 0;
        }

        var done = 0;
        string? after = null;
        while (true)
        {
            List<Article> batch;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<MinwonDbContext>();
                var model = Model;
                var query = db.Set<Article>().AsNoTracking().Where(a => !a.Retired &&
                    !db.Set<ArticleEmbedding>().Any(e => e.ArticleId == a.Id && e.Model == model && e.Version == a.Version));
                if (after is not null)
                {
                    query = query.Where(a => string.Compare(a.Id, after) > 0);
                }

                batch = await query.OrderBy(a => a.Id).Take(Math.Max(1, options.Value.BatchSize)).ToListAsync(cancellationToken);
            }

            if (batch.Count == 0)
            {
                return done;
            }

            after = batch[^1].Id;
            if (!await ComputeAsync(batch, cancellationToken))
            {
                return done; // The endpoint is down: try again on the next save or start rather than hammer it.
            }

            done += batch.Count;
        }
    }

    /// <summary>
    /// After articles were saved: computes and stores the vectors of the current ones, forgets retired ones. Never
    /// throws for the endpoint's sake: a save must not fail because the embedding model is away (the article is then
    /// found by BM25 alone until the next catch-up).
    /// </summary>
    public async Task UpdateAsync(IReadOnlyCollection<Article> articles, CancellationToken cancellationToken)
    {
        if (!IsEnabled || articles.Count == 0)
        {
            return;
        }

        foreach (var article in articles.Where(a => a.Retired))
        {
            vectors.TryRemove(article.Id, out _);
        }

        foreach (var chunk in articles.Where(a => !a.Retired).Chunk(Math.Max(1, options.Value.BatchSize)))
        {
            if (!await ComputeAsync(chunk, cancellationToken))
            {
                return;
            }
        }
    }

    private async Task<bool> ComputeAsync(IReadOnlyList<Article> articles, CancellationToken cancellationToken)
    {
        var model = Model;
        List<float[]> computed;
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            timeout.CancelAfter(TimeSpan.FromSeconds(Math.Max(1, options.Value.IndexTimeoutSeconds)));
            try
            {
                var result = await Generator.GenerateAsync(articles.Select(TextOf), cancellationToken: timeout.Token);
                computed = result.Select(e => e.Vector.ToArray()).ToList();
                if (computed.Count != articles.Count || computed.Any(v => v.Length == 0 || v.Length != computed[0].Length) ||
                    Volatile.Read(ref dimensions) is var known && known != 0 && computed[0].Length != known)
                {
                    throw new InvalidDataException($"{computed.Count} vectors for {articles.Count} articles, or of differing lengths");
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                IndexFailures.Add(articles.Count);
                LogIndexFailed(logger, articles.Count, e.GetType().Name);
                return false;
            }
        }

        var now = time.GetUtcNow();
        await storeGate.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MinwonDbContext>();
            var ids = articles.Select(a => a.Id).ToList();
            var rows = await db.Set<ArticleEmbedding>().Where(e => ids.Contains(e.ArticleId)).ToDictionaryAsync(e => e.ArticleId, cancellationToken);
            for (var i = 0; i < articles.Count; i++)
            {
                var vector = Normalize(computed[i]);
                var bytes = MemoryMarshal.AsBytes(vector.AsSpan()).ToArray();
                if (rows.TryGetValue(articles[i].Id, out var row))
                {
                    (row.Version, row.Model, row.Dimensions, row.Vector, row.ComputedAt) = (articles[i].Version, model, vector.Length, bytes, now);
                }
                else
                {
                    db.Add(new ArticleEmbedding
                    {
                        ArticleId = articles[i].Id, Version = articles[i].Version, Model = model, Dimensions = vector.Length, Vector = bytes, ComputedAt = now,
                    });
                }

                Remember(articles[i].Id, vector);
            }

            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        finally
        {
            storeGate.Release();
        }
    }

    /// <summary>The question's unit vector, or null (logged and counted) when the endpoint fails or is too slow.</summary>
    public async Task<float[]?> QueryVectorAsync(string query, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMilliseconds(Math.Max(1, options.Value.QueryTimeoutMilliseconds)));
        string reason;
        try
        {
            var vector = (await Generator.GenerateAsync([query], cancellationToken: timeout.Token)).Single().Vector.ToArray();
            var known = Volatile.Read(ref dimensions);
            if (vector.Length > 0 && (known == 0 || vector.Length == known))
            {
                return Normalize(vector);
            }

            reason = "dimension";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            reason = "timeout";
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            reason = "error";
            LogQueryError(logger, e.GetType().Name);
        }

        Fallbacks.Add(1, new KeyValuePair<string, object?>("reason", reason));
        LogFallback(logger, reason);
        return null;
    }

    /// <summary>The <paramref name="top"/> articles nearest the question by a positive cosine, best first (brute force over memory).</summary>
    public IReadOnlyList<(string Id, float Cosine)> Nearest(float[] query, int top)
    {
        var best = new PriorityQueue<string, float>(top + 1);
        foreach (var (id, vector) in vectors)
        {
            if (vector.Length != query.Length)
            {
                continue;
            }

            var cosine = System.Numerics.Tensors.TensorPrimitives.Dot<float>(vector, query);
            if (!(cosine > 0))
            {
                continue; // Orthogonal or opposite: the model sees nothing in common, so the article is no dense hit.
            }

            best.Enqueue(id, cosine);
            if (best.Count > top)
            {
                best.Dequeue();
            }
        }

        var result = new List<(string, float)>(best.Count);
        while (best.TryDequeue(out var id, out var cosine))
        {
            result.Add((id, cosine));
        }

        result.Reverse();
        return result;
    }

    /// <summary>What is embedded for an article: what a citizen's question is compared with.</summary>
    public static string TextOf(Article article)
    {
        var text = string.Join('\n', new[] { article.Title, article.Category, string.Join(", ", article.Keywords), string.Join('\n', article.Questions), article.Body }
            .Where(s => !string.IsNullOrWhiteSpace(s)));
        return text.Length > MaxTextLength ? text[..MaxTextLength] : text;
    }

    private void Remember(string id, float[] vector)
    {
        if (Interlocked.CompareExchange(ref dimensions, vector.Length, 0) is var known && known != 0 && known != vector.Length)
        {
            return; // A stored vector of another length (a model swapped under the same name) is not comparable.
        }

        vectors[id] = vector;
    }

    private static float[] Normalize(float[] vector)
    {
        var norm = System.Numerics.Tensors.TensorPrimitives.Norm<float>(vector);
        if (norm > 0 && float.IsFinite(norm))
        {
            System.Numerics.Tensors.TensorPrimitives.Divide(vector, norm, vector);
        }

        return vector;
    }

    private static float[] FromBytes(byte[] bytes) => MemoryMarshal.Cast<byte, float>(bytes).ToArray();

    public void Dispose()
    {
        (generator as IDisposable)?.Dispose();
        storeGate.Dispose();
        loadGate.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {Count} stored article embeddings of model {Model}")]
    private static partial void LogLoaded(ILogger logger, int count, string model);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not compute {Count} article embeddings ({Error}); they are searched by BM25 alone until the next catch-up")]
    private static partial void LogIndexFailed(ILogger logger, int count, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The embedding catch-up stopped")]
    private static partial void LogCatchUpFailed(ILogger logger, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The question's embedding failed ({Error})")]
    private static partial void LogQueryError(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Knowledge search fell back to BM25 alone: embedding {Reason}")]
    private static partial void LogFallback(ILogger logger, string reason);
}
