namespace Minwon.Server.Features.VisualArs;

/// <summary>Knowledge articles for information pages that name an article id; the knowledge base plugs in here.</summary>
public interface IArsArticles
{
    /// <summary>Plain text of the article in the language, or null when unknown.</summary>
    Task<string?> GetTextAsync(string articleId, string language, CancellationToken cancellationToken);
}
