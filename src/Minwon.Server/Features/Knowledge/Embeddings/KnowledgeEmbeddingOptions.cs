namespace Minwon.Server.Features.Knowledge.Embeddings;

/// <summary>
/// The optional dense half of the knowledge search (issue 13): an OpenAI-compatible <c>/v1/embeddings</c> endpoint run
/// by the installation. Off by default (no URL or no model) and never required: any failure falls back to BM25 alone.
/// </summary>
public sealed class KnowledgeEmbeddingOptions
{
    public const string Section = "Minwon:Knowledge:Embeddings";

    /// <summary>Base URL of the OpenAI-compatible API, up to and including <c>/v1</c> (e.g. http://127.0.0.1:8080/v1).</summary>
    public string Url { get; set; } = "";

    /// <summary>The embedding model's name as the endpoint knows it; changing it re-computes every article's vector.</summary>
    public string Model { get; set; } = "";

    public string ApiKey { get; set; } = "";

    /// <summary>How long a search waits for the question's vector before it answers with BM25 alone.</summary>
    public int QueryTimeoutMilliseconds { get; set; } = 500;

    /// <summary>How long one batch of article texts may take on import, save or catch-up.</summary>
    public int IndexTimeoutSeconds { get; set; } = 60;

    /// <summary>Articles sent in one embeddings request.</summary>
    public int BatchSize { get; set; } = 32;

    /// <summary>Weight of the dense ranking in the reciprocal-rank fusion (BM25's is 1).</summary>
    public double DenseWeight { get; set; } = 1.0;

    public bool IsEnabled => Url.Length > 0 && Model.Length > 0;
}
