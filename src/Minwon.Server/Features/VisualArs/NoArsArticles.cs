namespace Minwon.Server.Features.VisualArs;

/// <summary>The default until the knowledge base is plugged in: pages fall back to their own text.</summary>
internal sealed class NoArsArticles : IArsArticles
{
    public Task<string?> GetTextAsync(string articleId, string language, CancellationToken cancellationToken) =>
        Task.FromResult<string?>(null);
}
