using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Minwon.Core.Conversations;
using Minwon.Server.Data;
using Minwon.Server.Features.Cases;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Features.Routing;

namespace Minwon.Server.Features.Voice.Softphone;

/// <summary>How a counsellor stands to a call shown on their softphone.</summary>
public enum SoftphoneRole { Offered, Agent, Consult }

/// <param name="Path">The visual ARS menus the caller went through (a web call from /ars), oldest first.</param>
/// <param name="History">Earlier cases of the same caller (phone calls: the same number).</param>
/// <param name="Partner">The other counsellor of a warm transfer: the consulted colleague, or who is consulting me.</param>
public sealed record SoftphoneCall(Guid CallId, Guid? ConversationId, string Transport, CallState State, string? CallerNumber,
    SoftphoneRole Role, bool Muted, DateTimeOffset ConnectedAt, DateTimeOffset? AnsweredAt, IReadOnlyList<string> Path,
    IReadOnlyList<CaseDto> History, string? Partner, string MediaPath)
{
    public bool IsWebCall => Transport == CallRecords.WebCall;
}

/// <param name="CounsellorName">Who holds the call (null while it waits).</param>
public sealed record MonitoredCall(Guid CallId, Guid? ConversationId, string Transport, CallState State, string? CallerNumber,
    string? CounsellorName, DateTimeOffset ConnectedAt, DateTimeOffset? AnsweredAt, string? MonitorId, string? MonitorMode);

/// <summary>A finished call of today for the supervisor's list, with the case it ended in.</summary>
public sealed record FinishedCall(Guid CallId, Guid ConversationId, string Transport, string? CounsellorName, DateTimeOffset ConnectedAt,
    DateTimeOffset? EndedAt, string? HangupCause, string? ReceiptNumber);

/// <summary>
/// Reads for the softphone and the wallboard's call panel. A singleton: each query opens its own short-lived
/// context (a Blazor circuit lives for hours and live events arrive on other threads), like the desk's queries.
/// </summary>
public sealed class SoftphoneQueries(IDbContextFactory<MinwonDbContext> contexts)
{
    /// <summary>The calls offered to a counsellor, held by them, or on which a colleague consults them.</summary>
    public async Task<List<SoftphoneCall>> MineAsync(string agentId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var offered = db.Set<Conversation>().Where(v => v.OfferedToId == agentId && v.Status == ConversationStatus.Offered).Select(v => (Guid?)v.Id);
        var rows = await db.Set<Call>().AsNoTracking()
            .Where(c => c.State != CallState.Ended && c.State != CallState.Announced
                && (c.AgentId == agentId || c.ConsultAgentId == agentId || offered.Contains(c.ConversationId)))
            .OrderBy(c => c.CreatedAt).Take(10).ToListAsync(ct);
        var names = await db.Set<AgentProfile>().AsNoTracking().ToDictionaryAsync(a => a.UserId, a => a.DisplayName, ct);
        var result = new List<SoftphoneCall>();
        foreach (var c in rows)
        {
            var role = c.AgentId == agentId ? SoftphoneRole.Agent : c.ConsultAgentId == agentId ? SoftphoneRole.Consult : SoftphoneRole.Offered;
            var partner = role switch
            {
                SoftphoneRole.Agent => c.ConsultAgentId,
                SoftphoneRole.Consult => c.AgentId,
                _ => null,
            };
            var history = new List<CaseDto>();
            if (c.ConversationId is { } conversationId
                && await db.Set<Conversation>().AsNoTracking().Where(v => v.Id == conversationId).Select(v => (Guid?)v.ContactId).FirstOrDefaultAsync(ct) is { } contactId)
            {
                history = (await db.Set<Case>().AsNoTracking().Where(x => x.ContactId == contactId && x.ConversationId != conversationId)
                    .OrderByDescending(x => x.CreatedAt).Take(5).ToListAsync(ct)).Select(StaffConversationEndpoints.ToDto).ToList();
            }

            result.Add(new SoftphoneCall(c.Id, c.ConversationId, c.Transport, c.State, c.CallerNumber, role, c.AgentMuted,
                c.ConnectedAt ?? c.CreatedAt, c.AnsweredAt, Path(c.HandoffPath), history,
                partner is null ? null : names.GetValueOrDefault(partner, partner),
                $"/voice/ws/staff?callId={c.Id}&role={(role == SoftphoneRole.Consult ? "consult" : "agent")}"));
        }

        return result;
    }

    /// <summary>Every live call of the center, for supervisors.</summary>
    public async Task<List<MonitoredCall>> LiveAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await db.Set<Call>().AsNoTracking().Where(c => c.State != CallState.Ended && c.State != CallState.Announced && c.ConversationId != null)
            .OrderBy(c => c.CreatedAt).Take(200).ToListAsync(ct);
        var names = await db.Set<AgentProfile>().AsNoTracking().ToDictionaryAsync(a => a.UserId, a => a.DisplayName, ct);
        return rows.Select(c => new MonitoredCall(c.Id, c.ConversationId, c.Transport, c.State, c.CallerNumber,
            c.AgentId is { } a ? names.GetValueOrDefault(a, a) : null, c.ConnectedAt ?? c.CreatedAt, c.AnsweredAt, c.MonitorId, c.MonitorMode)).ToList();
    }

    /// <summary>Calls that ended since <paramref name="since"/>, newest first, with their case's receipt number.</summary>
    public async Task<List<FinishedCall>> FinishedAsync(DateTimeOffset since, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await db.Set<Call>().AsNoTracking().Where(c => c.State == CallState.Ended && c.ConversationId != null && c.EndedAt >= since)
            .OrderByDescending(c => c.EndedAt).Take(20).ToListAsync(ct);
        var ids = rows.Select(c => c.ConversationId).ToList();
        var receipts = await db.Set<Case>().AsNoTracking().Where(x => ids.Contains(x.ConversationId))
            .Select(x => new { x.ConversationId, x.ReceiptNumber }).ToListAsync(ct);
        var names = await db.Set<AgentProfile>().AsNoTracking().ToDictionaryAsync(a => a.UserId, a => a.DisplayName, ct);
        return rows.Select(c => new FinishedCall(c.Id, c.ConversationId!.Value, c.Transport, c.AgentId is { } a ? names.GetValueOrDefault(a, a) : null,
            c.ConnectedAt ?? c.CreatedAt, c.EndedAt, c.HangupCause,
            receipts.FirstOrDefault(r => r.ConversationId == c.ConversationId)?.ReceiptNumber)).ToList();
    }

    private static List<string> Path(string? json)
    {
        if (json is null)
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<List<string>>(json) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
