using Microsoft.EntityFrameworkCore;
using Minwon.Server.Data;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Features.TextSafety;
using Minwon.Server.Platform;

namespace Minwon.Server.Features.Protection;

public sealed record EvidenceMessage(int Seq, DateTimeOffset At, string Sender, string? SenderName, string Text, string Abuse);

public sealed record EvidenceWarning(int Number, DateTimeOffset At, string AgentId);

public sealed record EvidenceBundle(Guid IncidentId, Guid ConversationId, string Label, DateTimeOffset OpenedAt, DateTimeOffset? EndedAt,
    List<EvidenceMessage> Transcript, List<EvidenceWarning> Warnings, string CounsellorNote, string SupervisorNote,
    DateTimeOffset ExportedAt, string ExportedBy);

/// <summary>
/// The evidence bundle for legal action: the full unmasked transcript with timestamps, warnings given and notes.
/// Only supervisors and admins; every export is written to the access log before the data leaves.
/// </summary>
public sealed class ExportEvidence(MinwonDbContext db, TextGuard guard, AccessLog accessLog, TimeProvider clock)
{
    public async Task<EvidenceBundle> HandleAsync(Guid incidentId, AccessRecord who, CancellationToken ct)
    {
        var incident = await db.Set<ProtectionIncident>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == incidentId, ct)
            ?? throw ProblemException.NotFound("사건을 찾을 수 없습니다.");
        await accessLog.AppendAsync(who with { Record = $"evidence:{incidentId}", Action = "export" }, ct);
        var messages = await db.Set<Message>().AsNoTracking().Where(m => m.ConversationId == incident.ConversationId)
            .OrderBy(m => m.Seq).ToListAsync(ct);
        var warnings = await db.Set<ProtectionWarning>().AsNoTracking().Where(w => w.IncidentId == incidentId)
            .OrderBy(w => w.Number).ToListAsync(ct);
        return new EvidenceBundle(incident.Id, incident.ConversationId, incident.Label, incident.OpenedAt, incident.EndedAt,
            messages.Select(m => new EvidenceMessage(m.Seq, m.CreatedAt, m.Sender.ToString().ToLowerInvariant(), m.SenderName,
                m.ProtectedOriginal is { } p ? guard.Unprotect(p) : m.Body, m.Abuse)).ToList(),
            warnings.Select(w => new EvidenceWarning(w.Number, w.At, w.AgentId)).ToList(),
            incident.CounsellorNote, incident.SupervisorNote, clock.GetUtcNow(), who.ActorId);
    }
}
