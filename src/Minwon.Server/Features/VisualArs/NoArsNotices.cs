namespace Minwon.Server.Features.VisualArs;

/// <summary>The default until the issue alerter is plugged in: no notices, and the slot stays hidden.</summary>
internal sealed class NoArsNotices : IArsNotices
{
    public Task<IReadOnlyList<ArsNotice>> GetActiveAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ArsNotice>>([]);
}
