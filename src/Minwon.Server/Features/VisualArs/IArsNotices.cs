namespace Minwon.Server.Features.VisualArs;

/// <summary>Where /ars gets its current notices. The issue alerter replaces the default (none) at merge.</summary>
public interface IArsNotices
{
    Task<IReadOnlyList<ArsNotice>> GetActiveAsync(CancellationToken cancellationToken);
}
