using Microsoft.EntityFrameworkCore;
using Minwon.Server.Data;
using Minwon.Server.Features.VisualArs;

namespace Minwon.Server.Features.Knowledge;

/// <summary>Information pages of the visual ARS drawn from current knowledge articles (short answer, then body).</summary>
public sealed class ArsArticlesFromKnowledge(IServiceScopeFactory scopes, TimeProvider clock) : IArsArticles
{
    public async Task<string?> GetTextAsync(string articleId, string language, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var article = await scope.ServiceProvider.GetRequiredService<MinwonDbContext>().Set<Article>().AsNoTracking()
            .FirstOrDefaultAsync(a => a.Id == articleId, cancellationToken);
        if (article is null || !article.IsCurrent(clock.GetUtcNow()))
        {
            return null;
        }

        return string.IsNullOrWhiteSpace(article.ShortAnswer) ? article.Body : article.ShortAnswer + "\n\n" + article.Body;
    }
}
