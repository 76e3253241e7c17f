using Microsoft.EntityFrameworkCore;
using Minwon.Core.VisualArs;
using Minwon.Server.Data;
using Minwon.Server.Platform;

namespace Minwon.Server.Features.VisualArs;

/// <summary>
/// Reads and writes menu versions: the live (published) menu for citizens, one draft for administrators.
/// The default menu is published on first use, so a fresh install has a working /ars.
/// </summary>
public sealed class ArsMenuStore(MinwonDbContext db, TimeProvider clock, ArsMenuCache cache)
{
    public async Task<(int Version, ArsMenu Menu)> GetPublishedAsync(CancellationToken cancellationToken)
    {
        var latest = await db.Set<ArsMenuVersion>().AsNoTracking().Where(v => v.State == ArsMenuState.Published)
            .OrderByDescending(v => v.Id).Select(v => new { v.Id }).FirstOrDefaultAsync(cancellationToken);
        if (latest is null)
        {
            return await SeedAsync(cancellationToken);
        }

        if (cache.TryGet(latest.Id) is { } cached)
        {
            return (latest.Id, cached);
        }

        var json = await db.Set<ArsMenuVersion>().Where(v => v.Id == latest.Id).Select(v => v.Json).FirstAsync(cancellationToken);
        var menu = ArsJson.Deserialize(json);
        cache.Set(latest.Id, menu);
        return (latest.Id, menu);
    }

    /// <summary>The draft if one exists, else a copy of the live menu to start editing from.</summary>
    public async Task<ArsMenu> GetDraftAsync(CancellationToken cancellationToken)
    {
        var draft = await db.Set<ArsMenuVersion>().AsNoTracking().Where(v => v.State == ArsMenuState.Draft)
            .OrderByDescending(v => v.Id).FirstOrDefaultAsync(cancellationToken);
        return draft is null ? (await GetPublishedAsync(cancellationToken)).Menu.Clone() : ArsJson.Deserialize(draft.Json);
    }

    /// <summary>Saves without validating: a draft may be half done. Returns the problems publishing would refuse.</summary>
    public async Task<IReadOnlyList<string>> SaveDraftAsync(ArsMenu menu, string? editor, CancellationToken cancellationToken)
    {
        var draft = await db.Set<ArsMenuVersion>().Where(v => v.State == ArsMenuState.Draft)
            .OrderByDescending(v => v.Id).FirstOrDefaultAsync(cancellationToken);
        var json = ArsJson.Serialize(menu);
        if (draft is null)
        {
            draft = new ArsMenuVersion { State = ArsMenuState.Draft, Json = json };
            db.Add(draft);
        }

        draft.Json = json;
        draft.EditedBy = editor;
        draft.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return ArsMenuValidator.Validate(menu);
    }

    /// <summary>Publishes the draft; refuses with every problem listed when the menu is not sound.</summary>
    public async Task<int> PublishDraftAsync(string? editor, CancellationToken cancellationToken)
    {
        var draft = await db.Set<ArsMenuVersion>().Where(v => v.State == ArsMenuState.Draft)
            .OrderByDescending(v => v.Id).FirstOrDefaultAsync(cancellationToken)
            ?? throw ProblemException.Conflict("게시할 초안이 없습니다.");
        ArsMenu menu;
        try
        {
            menu = ArsJson.Deserialize(draft.Json);
        }
        catch (System.Text.Json.JsonException)
        {
            throw new ArsMenuRejectedException(["초안을 읽을 수 없습니다. JSON 형식을 확인해 주세요."]);
        }

        var problems = ArsMenuValidator.Validate(menu);
        if (problems.Count > 0)
        {
            throw new ArsMenuRejectedException(problems);
        }

        var now = clock.GetUtcNow();
        await db.Set<ArsMenuVersion>().Where(v => v.State == ArsMenuState.Published)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.State, ArsMenuState.Retired), cancellationToken);
        draft.State = ArsMenuState.Published;
        draft.PublishedAt = now;
        draft.UpdatedAt = now;
        draft.EditedBy = editor ?? draft.EditedBy;
        await db.SaveChangesAsync(cancellationToken);
        return draft.Id;
    }

    private async Task<(int, ArsMenu)> SeedAsync(CancellationToken cancellationToken)
    {
        var menu = DefaultArsMenu.Create();
        var now = clock.GetUtcNow();
        var version = new ArsMenuVersion { State = ArsMenuState.Published, Json = ArsJson.Serialize(menu), EditedBy = "seed", UpdatedAt = now, PublishedAt = now };
        db.Add(version);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request seeded at the same moment; theirs is as good as ours.
            db.Entry(version).State = EntityState.Detached;
        }

        return await GetPublishedAsync(cancellationToken);
    }
}
