using Minwon.Server.Features.VisualArs;

namespace Minwon.Server.Features.IssueAlerting;

/// <summary>The visual ARS shows the issue alerter's current notices at the top of /ars.</summary>
public sealed class ArsNoticesFromBoard(NoticeBoard board) : IArsNotices
{
    public async Task<IReadOnlyList<ArsNotice>> GetActiveAsync(CancellationToken cancellationToken) =>
        (await board.ActiveAsync(cancellationToken))
            .Select(n => new ArsNotice(n.District is { } d ? $"[{d}] {n.Text}" : n.Text, n.Text))
            .ToList();
}
