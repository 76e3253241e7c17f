using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Minwon.Core.Conversations;
using Minwon.Core.Quality;
using Minwon.Server.Data;
using Minwon.Server.Features.Cases;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Features.Routing;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Quality;

/// <summary>
/// Reads a closed chat (or a call whose transcript is stored as messages) for scoring: the counsellor who
/// closed the case is "the counsellor"; colleagues before a transfer, the bot and system notices are left out.
/// Offsets count from when the counsellor answered, so the bot's part has negative offsets.
/// </summary>
public sealed class ChatConsultations(MinwonDbContext db, IOptions<QualityOptions> options)
{
    private const string DefaultTeam = "일반";

    public async Task<ConsultationForScoring?> LoadAsync(Case record, CancellationToken cancellationToken)
    {
        if (record.ConversationId is not { } conversationId || record.CreatedById is not { } counsellorId)
        {
            return null;
        }

        var conversation = await db.Set<Conversation>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == conversationId, cancellationToken);
        if (conversation is null)
        {
            return null;
        }

        var answered = conversation.AnsweredAt ?? conversation.CreatedAt;
        var messages = await db.Set<Message>().AsNoTracking()
            .Where(m => m.ConversationId == conversationId && m.Kind == MessageKind.Text)
            .OrderBy(m => m.Seq)
            .Select(m => new { m.Seq, m.Sender, m.SenderId, m.Body, m.CreatedAt })
            .ToListAsync(cancellationToken);
        var turns = messages.Select(m => new ScoredTurn(
            m.Sender switch
            {
                MessageSender.Citizen => Speaker.Citizen,
                MessageSender.Agent when m.SenderId == counsellorId => Speaker.Counsellor,
                _ => Speaker.Other,
            },
            m.Body,
            (m.CreatedAt - answered).TotalSeconds,
            m.Seq)).ToList();

        // A call has no turns until its transcript is stored; the speech side scores it then (ConsultationForScoring).
        var isCall = Channels.IsVoice(conversation.Channel);
        if (isCall && !turns.Any(t => t.Speaker == Speaker.Counsellor))
        {
            return null;
        }

        var queuedAt = conversation.FirstEnqueuedAt ?? conversation.EnqueuedAt;
        var transfers = await db.Set<EventLogEntry>().AsNoTracking()
            .CountAsync(e => e.ConversationId == conversationId && e.Type == "ConversationTransferred", cancellationToken);
        var since = conversation.CreatedAt - TimeSpan.FromMinutes(options.Value.AbandonedWithinMinutes);
        var abandoned = await db.Set<Conversation>().AsNoTracking().CountAsync(c => c.ContactId == conversation.ContactId
            && c.Id != conversationId && c.Status == ConversationStatus.Abandoned && c.CreatedAt >= since && c.CreatedAt < conversation.CreatedAt,
            cancellationToken);
        var agent = await db.Set<AgentProfile>().AsNoTracking().Where(a => a.UserId == counsellorId)
            .Select(a => new { a.DisplayName, a.Skills }).FirstOrDefaultAsync(cancellationToken);
        var name = agent?.DisplayName ?? await db.Set<StaffUser>().Where(u => u.Id == counsellorId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken);

        return new ConsultationForScoring(conversationId, counsellorId,
            isCall ? ConsultationChannel.Phone : ConsultationChannel.Chat,
            record.ClosedAt ?? record.CreatedAt, turns)
        {
            CaseId = record.Id,
            ReceiptNumber = record.ReceiptNumber,
            CounsellorName = name ?? "",
            Team = TeamOf(agent?.Skills),
            QueueSeconds = queuedAt is { } q && conversation.AnsweredAt is { } a && a >= q ? (a - q).TotalSeconds : null,
            AbandonedAttempts = abandoned,
            Transfers = transfers,
        };
    }

    /// <summary>The first "team:" skill of a counsellor ("team:protection=7" gives "protection"), or 일반.</summary>
    public static string TeamOf(string? skills)
    {
        foreach (var pair in (skills ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var skill = pair.Split('=', 2)[0].Trim();
            if (skill.StartsWith("team:", StringComparison.Ordinal) && skill.Length > 5)
            {
                var team = skill[5..];
                return team.Length > 40 ? team[..40] : team;
            }
        }

        return DefaultTeam;
    }
}
