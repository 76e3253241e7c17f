using Microsoft.EntityFrameworkCore;

namespace Minwon.Server.Data;

/// <summary>
/// A short-lived context for code that outlives a request: Blazor circuits (hours), singletons and workers. Each call
/// is its own unit of work, so a circuit never shares a tracked context between threads.
/// </summary>
internal sealed class MinwonDbContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<MinwonDbContext>
    where TContext : MinwonDbContext
{
    public MinwonDbContext CreateDbContext() => inner.CreateDbContext();

    public async Task<MinwonDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await inner.CreateDbContextAsync(cancellationToken);
}
