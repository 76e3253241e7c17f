using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Minwon.Core.Conversations;
using Minwon.Core.Routing;
using Minwon.Server.Data;
using Minwon.Server.Features.Cases;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Features.Routing;
using Minwon.Server.Platform;
using Minwon.Server.Platform.Events;
using Minwon.Server.Features.Routing.Events;
using Minwon.Server.Features.Protection.Events;
using Minwon.Server.Features.Conversations.Events;
using Minwon.Server.Features.Cases.Events;
using Minwon.Core.TextSafety;

namespace Minwon.Server.Features.Protection;

/// <summary>
/// The counsellor protection workflow: open an incident on abuse, give the standard warnings, end the contact
/// with the closing notice, flag the citizen to the designated team, rest the counsellor, task the supervisor.
/// </summary>
public sealed class ProtectionActions(MinwonDbContext db, ConversationJournal journal, EventLog events, TimeProvider clock, CityClock cityClock, LiveBus bus,
    IOptions<ProtectionOptions> options)
{
    /// <summary>
    /// Opens the conversation's incident at its first abusive message, or counts the message into it. Each message
    /// counts once (<see cref="ProtectionIncident.LastMessageSeq"/>), so a redelivered event changes nothing.
    /// </summary>
    public async Task<(ProtectionIncident Incident, bool Counted)> OpenAsync(Guid conversationId, AbuseLabel abuse, int seq, CancellationToken ct) =>
        await journal.WriteAsync(async token =>
        {
            var label = abuse.WireName();
            var conversation = await db.Set<Conversation>().AsNoTracking().FirstAsync(c => c.Id == conversationId, token);
            var incident = await db.Set<ProtectionIncident>().FirstOrDefaultAsync(i => i.ConversationId == conversationId, token);
            if (incident is null)
            {
                incident = new ProtectionIncident
                {
                    ConversationId = conversationId,
                    ContactId = conversation.ContactId,
                    AgentId = conversation.AssignedToId,
                    Label = label,
                    OpenedAt = clock.GetUtcNow(),
                };
                db.Add(incident);
            }
            else if (incident.LastMessageSeq >= seq)
            {
                return (incident, false);
            }

            incident.AbusiveMessages++;
            incident.LastMessageSeq = seq;
            journal.Record(new ProtectionIncidentOpened(incident.Id, abuse, seq), conversation);
            // Sexual harassment outranks the other labels for the end-at-once rule.
            if (label == "sexual" || incident.Label is not ("sexual" or "threat"))
            {
                incident.Label = label;
            }

            await db.SaveChangesAsync(token);
            return (incident, true);
        }, ct);

    public async Task<int> WarnAsync(Guid conversationId, string agentId, CancellationToken ct)
    {
        var (number, messages) = await journal.WriteAsync(async token =>
        {
            var conversation = await AssignedAsync(conversationId, agentId, token);
            var incident = await db.Set<ProtectionIncident>().FirstOrDefaultAsync(i => i.ConversationId == conversationId, token)
                ?? throw ProblemException.Conflict("폭언이 감지되지 않은 상담입니다.");
            var scripts = options.Value.WarningScripts;
            if (incident.WarningsGiven >= scripts.Length)
            {
                throw ProblemException.Conflict("안내 멘트를 모두 보냈습니다. 상담을 종료할 수 있습니다.");
            }

            var from = conversation.LastSeq;
            incident.WarningsGiven++;
            incident.AgentId = agentId;
            db.Add(new ProtectionWarning { IncidentId = incident.Id, Number = incident.WarningsGiven, AgentId = agentId, At = clock.GetUtcNow() });
            var name = await db.Set<AgentProfile>().Where(a => a.UserId == agentId).Select(a => a.DisplayName).FirstOrDefaultAsync(token);
            journal.Append(conversation, MessageKind.Text, MessageSender.Agent, scripts[incident.WarningsGiven - 1], agentId, name);
            journal.Record(new AbuseWarningGiven(incident.Id, incident.WarningsGiven), conversation);
            await db.SaveChangesAsync(token);
            return (incident.WarningsGiven, await journal.ReadAfterAsync(conversationId, from, token));
        }, ct);
        foreach (var m in messages)
        {
            await bus.PublishAsync(new MessageAdded(conversationId, m, agentId));
        }

        await bus.PublishAsync(new ProtectionAlert(conversationId, agentId, $"warning {number}", number));
        return number;
    }

    /// <summary>Ends the contact for abuse; allowed after the configured warnings, or at once for sexual harassment.</summary>
    public async Task<ProtectionIncident> EndAsync(Guid conversationId, string agentId, string? note, CancellationToken ct)
    {
        var o = options.Value;
        var (incident, messages) = await journal.WriteAsync(async token =>
        {
            var conversation = await AssignedAsync(conversationId, agentId, token);
            var incident = await db.Set<ProtectionIncident>().FirstOrDefaultAsync(i => i.ConversationId == conversationId, token)
                ?? throw ProblemException.Conflict("폭언이 감지되지 않은 상담입니다.");
            var atOnce = o.SexualHarassmentEndsAtOnce && incident.Label == "sexual";
            if (!atOnce && incident.WarningsGiven < o.WarningsBeforeEnd)
            {
                throw ProblemException.Conflict($"안내 멘트를 {o.WarningsBeforeEnd}회 보낸 뒤에 종료할 수 있습니다 (현재 {incident.WarningsGiven}회).");
            }

            var now = clock.GetUtcNow();
            var from = conversation.LastSeq;
            journal.Append(conversation, MessageKind.Text, MessageSender.Agent, o.ClosingNotice, agentId);
            conversation.EndChat(now);
            conversation.Close(now);
            var record = new Case
            {
                ReceiptNumber = await ReceiptNumbers.NextAsync(db, cityClock.DayOf(now), token),
                ContactId = conversation.ContactId,
                ConversationId = conversation.Id,
                Summary = "폭언으로 상담 종료 (보호 조치)",
                Disposition = CaseDisposition.AbuseEnded,
                Channel = conversation.Channel,
                CreatedById = agentId,
                CreatedAt = now,
                ClosedAt = now,
            };
            db.Add(record);
            journal.Record(new ConversationEnded(MessageSender.Agent, agentId), conversation);
            journal.Record(new CaseClosed(record.Id, null, null, record.Disposition, conversation.Channel), conversation);

            incident.Status = IncidentStatus.Ended;
            incident.EndedAt = now;
            incident.RestMinutes = o.RestMinutes;
            incident.CounsellorNote = note?.Trim() is { Length: > 0 } n ? n[..Math.Min(n.Length, 4000)] : incident.CounsellorNote;

            // Later contacts of this citizen go to the designated team.
            var protectionQueue = await db.Set<ServiceQueue>().FirstOrDefaultAsync(q => q.Name == SeedDefaultQueues.ProtectionQueue, token);
            var contact = await db.Set<Contact>().FirstAsync(c => c.Id == conversation.ContactId, token);
            contact.RouteToQueueId = protectionQueue?.Id;

            var agent = await db.Set<AgentProfile>().FirstAsync(a => a.UserId == agentId, token);
            agent.RestUntil = now.AddMinutes(o.RestMinutes);
            agent.Presence = Presence.Break;
            agent.PresenceReason = "보호 휴식";
            agent.PresenceSince = now;
            journal.Record(new AgentPresenceChanged(agentId, Presence.Break), conversation);
            journal.Record(new AbusiveContactEnded(incident.Id, AbuseLabels.TryParse(incident.Label, out var l) ? l : AbuseLabel.Profanity,
                incident.WarningsGiven), conversation);
            await db.SaveChangesAsync(token);
            return (incident, await journal.ReadAfterAsync(conversationId, from, token));
        }, ct);

        foreach (var m in messages)
        {
            await bus.PublishAsync(new MessageAdded(conversationId, m, agentId));
        }

        await bus.PublishAsync(new ConversationChanged(conversationId, agentId));
        await bus.PublishAsync(new AgentChanged(agentId));
        await bus.PublishAsync(new ProtectionAlert(conversationId, agentId, "ended"));
        return incident;
    }

    public async Task AddNoteAsync(Guid incidentId, string userId, bool supervisor, string note, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(note) || note.Length > 4000)
        {
            throw ProblemException.Invalid("메모는 1~4,000자여야 합니다.");
        }

        var incident = await db.Set<ProtectionIncident>().FirstOrDefaultAsync(i => i.Id == incidentId, ct)
            ?? throw ProblemException.NotFound("사건을 찾을 수 없습니다.");
        if (supervisor)
        {
            incident.SupervisorNote = note.Trim();
            incident.Status = IncidentStatus.FollowedUp;
            incident.FollowedUpAt = clock.GetUtcNow();
            events.Append(new ProtectionIncidentFollowedUp(incident.Id), incident.ConversationId);
        }
        else if (incident.AgentId == userId)
        {
            incident.CounsellorNote = note.Trim();
        }
        else
        {
            throw ProblemException.NotFound("사건을 찾을 수 없습니다.");
        }

        await db.SaveChangesAsync(ct);
    }

    private async Task<Conversation> AssignedAsync(Guid conversationId, string agentId, CancellationToken ct)
    {
        var conversation = await journal.LoadForWriteAsync(conversationId, ct)
            ?? throw ProblemException.NotFound();
        if (conversation.Status != ConversationStatus.Assigned || conversation.AssignedToId != agentId)
        {
            throw ProblemException.Conflict("내가 상담 중인 대화에서만 할 수 있습니다.");
        }

        return conversation;
    }
}
