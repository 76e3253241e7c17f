using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Minwon.Core.Quality;
using Minwon.Server.Data;
using Minwon.Server.Features.Quality.Events;
using Minwon.Server.Platform;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Quality;

/// <summary>
/// Scorecard versions in the database; the newest is active. The shipped scorecard becomes version 1 the first
/// time one is needed. Scorers are built once per version and kept (a version never changes).
/// </summary>
public sealed class ScorecardStore(TimeProvider clock)
{
    private readonly ConcurrentDictionary<int, QualityScorer> scorers = new();

    public async Task<QualityScorer> ActiveAsync(MinwonDbContext db, CancellationToken cancellationToken)
    {
        var latest = await db.Set<QualityScorecardVersion>().AsNoTracking().OrderByDescending(v => v.Version)
            .Select(v => (int?)v.Version).FirstOrDefaultAsync(cancellationToken);
        if (latest is null)
        {
            await SeedAsync(db, cancellationToken);
            latest = 1;
        }

        return await ForVersionAsync(db, latest.Value, cancellationToken) ?? QualityScorer.Default;
    }

    public async Task<QualityScorer?> ForVersionAsync(MinwonDbContext db, int version, CancellationToken cancellationToken)
    {
        if (scorers.TryGetValue(version, out var cached))
        {
            return cached;
        }

        var row = await db.Set<QualityScorecardVersion>().AsNoTracking().FirstOrDefaultAsync(v => v.Version == version, cancellationToken);
        if (row is null)
        {
            return version == 1 ? QualityScorer.Default : null;
        }

        return scorers.GetOrAdd(version, _ => new QualityScorer(ScorecardJson.Parse(row.Json) with { Version = version }));
    }

    public async Task<List<QualityScorecardVersion>> VersionsAsync(MinwonDbContext db, CancellationToken cancellationToken)
    {
        await ActiveAsync(db, cancellationToken);
        return await db.Set<QualityScorecardVersion>().AsNoTracking().OrderByDescending(v => v.Version).ToListAsync(cancellationToken);
    }

    /// <summary>Validates and stores the scorecard as the next version, which becomes active at once.</summary>
    public async Task<QualityScorecardVersion> SaveAsync(MinwonDbContext db, string json, string userId, CancellationToken cancellationToken)
    {
        if (json.Length > QualityScorecardVersion.MaxJsonLength)
        {
            throw ProblemException.Invalid("평가표가 너무 큽니다.");
        }

        Scorecard card;
        try
        {
            card = ScorecardJson.Parse(json);
        }
        catch (ScorecardException e)
        {
            throw ProblemException.Invalid(string.Join(" ", e.Problems));
        }

        await ActiveAsync(db, cancellationToken);
        var next = await db.Set<QualityScorecardVersion>().MaxAsync(v => v.Version, cancellationToken) + 1;
        var name = string.IsNullOrWhiteSpace(card.Name) ? $"평가표 {next}" : card.Name.Trim();
        var row = new QualityScorecardVersion
        {
            Version = next,
            Name = name.Length > 100 ? name[..100] : name,
            Json = ScorecardJson.Write(card with { Version = next, Name = name }),
            CreatedAt = clock.GetUtcNow(),
            CreatedById = userId,
        };
        db.Add(row);
        new EventLog(db, clock).Append(new ScorecardPublished(next));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            throw ProblemException.Conflict("다른 사용자가 방금 새 버전을 저장했습니다. 다시 시도하세요.");
        }

        return row;
    }

    private async Task SeedAsync(MinwonDbContext db, CancellationToken cancellationToken)
    {
        var card = ScorecardJson.Default;
        db.Add(new QualityScorecardVersion { Version = 1, Name = card.Name, Json = ScorecardJson.Write(card), CreatedAt = clock.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another node or request stored version 1 first; it is the same shipped scorecard.
            db.ChangeTracker.Clear();
        }
    }
}
