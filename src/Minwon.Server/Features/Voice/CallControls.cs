using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Minwon.Core.Conversations;
using Minwon.Core.Routing;
using Minwon.Server.Data;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Features.Routing;
using Minwon.Server.Features.Staff;
using Minwon.Server.Features.Voice.Events;
using Minwon.Server.Features.Voice.Media;
using Minwon.Server.Features.Voice.Speech;
using Minwon.Server.Platform;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Voice;

public sealed record CallDto(Guid Id, Guid? ConversationId, string Transport, string State, string? CallerNumber, string? DialledNumber,
    string? AgentId, string? ConsultAgentId, bool Muted, string? MonitorId, string? MonitorMode, DateTimeOffset CreatedAt,
    DateTimeOffset? ConnectedAt, DateTimeOffset? AnsweredAt, DateTimeOffset? EndedAt, string? HangupCause, string? MediaPath, bool Live);

public sealed record ToggleRequest(bool On);

public sealed record DtmfRequest(string Digits);

public sealed record CallTransferRequest(int? QueueId, string? AgentId);

public sealed record MonitorRequest(string Mode);

/// <summary>
/// The softphone's and the supervisor's call controls. Each checks that the caller holds the call (or supervises),
/// changes the record in one unit of work, then acts on the live bridge when this node holds it.
/// </summary>
public sealed class CallControls(MinwonDbContext db, AgentActions actions, ConversationJournal journal, CallManager calls,
    CallRecords records, EventLog events, TimeProvider clock, LiveBus bus)
{
    public async Task<CallDto> GetAsync(Guid callId, ClaimsPrincipal user, CancellationToken ct)
    {
        var call = await db.Set<Call>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == callId, ct);
        if (call is null || !MayView(call, user))
        {
            throw ProblemException.NotFound("통화를 찾을 수 없습니다.");
        }

        return ToDto(call, user);
    }

    /// <summary>The counsellor answers the call offered to them: the conversation is accepted and their softphone may join.</summary>
    public async Task<CallDto> AnswerAsync(Guid callId, string agentId, CancellationToken cancellationToken)
    {
        var call = await db.Set<Call>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == callId, cancellationToken)
            ?? throw ProblemException.NotFound("통화를 찾을 수 없습니다.");
        if (call.ConversationId is not { } conversationId || call.State == CallState.Ended)
        {
            throw ProblemException.Conflict("이미 끝난 통화입니다.");
        }

        await actions.AcceptAsync(conversationId, agentId, cancellationToken);
        var updated = await ChangeAsync(callId, c =>
        {
            c.AgentId = agentId;
            c.State = CallState.Talking;
            c.AnsweredAt ??= clock.GetUtcNow();
            c.AgentMuted = false;
        }, c => new CallAnswered(agentId, c.Id), cancellationToken);
        return ToDto(updated, null, agentId);
    }

    public async Task MuteAsync(Guid callId, string agentId, bool on, CancellationToken ct)
    {
        await ChangeAsync(callId, c => { Holder(c, agentId); c.AgentMuted = on; }, null, ct);
        if (calls.Find(callId)?.Agent is { } leg)
        {
            leg.Muted = on;
        }
    }

    public async Task HoldAsync(Guid callId, string agentId, bool on, CancellationToken ct)
    {
        await ChangeAsync(callId, c =>
        {
            Holder(c, agentId);
            if (c.State is not (CallState.Talking or CallState.Held))
            {
                throw ProblemException.Conflict("통화 중일 때만 보류할 수 있습니다.");
            }

            c.State = on ? CallState.Held : CallState.Talking;
        }, c => on ? new CallHeld(agentId, c.Id) : new CallResumed(agentId, c.Id), ct);
        if (calls.Find(callId) is { } session)
        {
            calls.SetHold(session, on);
        }
    }

    public async Task DtmfAsync(Guid callId, string agentId, string digits, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(digits) || digits.Length > 32 || !digits.All(d => Core.Voice.Dtmf.IsDigit(char.ToUpperInvariant(d))))
        {
            throw ProblemException.Invalid("DTMF는 0-9, *, #, A-D로 32자까지입니다.");
        }

        var call = await db.Set<Call>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == callId, ct) ?? throw ProblemException.NotFound("통화를 찾을 수 없습니다.");
        Holder(call, agentId);
        if (calls.Find(callId) is { } session)
        {
            calls.SendDtmf(session, digits.ToUpperInvariant());
        }
    }

    /// <summary>Blind transfer: the call goes back to a queue (or to a named colleague) and the caller hears the transfer prompt.</summary>
    public async Task TransferAsync(Guid callId, string agentId, CallTransferRequest request, CancellationToken ct)
    {
        var call = await db.Set<Call>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == callId, ct) ?? throw ProblemException.NotFound("통화를 찾을 수 없습니다.");
        Holder(call, agentId);
        await actions.TransferAsync(call.ConversationId!.Value, agentId, request.QueueId, request.AgentId, ct);
        await ChangeAsync(callId, c => { c.AgentId = null; c.State = CallState.Waiting; c.AgentMuted = false; c.ConsultAgentId = null; },
            c => new CallTransferred(agentId, request.QueueId, request.AgentId, Warm: false, c.Id), ct);
        if (calls.Find(callId) is { } session)
        {
            if (session.Agent is { } leg)
            {
                calls.Detach(session, leg);
            }

            calls.SetHold(session, false);
            session.Raise(new CallEvent("state", "waiting"));
            _ = calls.PlayAsync(session, PromptLibrary.Transfer);
        }
    }

    /// <summary>Warm transfer, step one: the caller waits with music while the counsellor talks to a colleague (named, or the longest idle of a queue).</summary>
    public async Task<CallDto> ConsultAsync(Guid callId, string agentId, CallTransferRequest request, CancellationToken ct)
    {
        var target = request.AgentId;
        if (target is null && request.QueueId is { } queueId)
        {
            target = await PickColleagueAsync(queueId, agentId, ct);
        }

        if (target is null || target == agentId || !await db.Set<AgentProfile>().AnyAsync(a => a.UserId == target, ct))
        {
            throw ProblemException.Invalid("상의할 상담사를 찾을 수 없습니다.");
        }

        var updated = await ChangeAsync(callId, c =>
        {
            Holder(c, agentId);
            if (c.State is not (CallState.Talking or CallState.Held))
            {
                throw ProblemException.Conflict("통화 중일 때만 다른 상담사와 상의할 수 있습니다.");
            }

            c.ConsultAgentId = target;
            c.State = CallState.Consulting;
        }, c => new CallConsultStarted(agentId, target, c.Id), ct);
        if (calls.Find(callId) is { } session)
        {
            calls.SetHold(session, true);
        }

        await bus.PublishAsync(new AgentChanged(target));
        return ToDto(updated, null, agentId);
    }

    /// <summary>Warm transfer completed: the consulted colleague takes the call and the conversation.</summary>
    public async Task CompleteConsultAsync(Guid callId, string agentId, CancellationToken ct)
    {
        string? colleague = null;
        var call = await ChangeAsync(callId, c =>
        {
            Holder(c, agentId);
            colleague = c.ConsultAgentId ?? throw ProblemException.Conflict("상의 중인 상담사가 없습니다.");
            c.AgentId = colleague;
            c.ConsultAgentId = null;
            c.State = CallState.Talking;
            c.AgentMuted = false;
        }, c => new CallTransferred(agentId, null, null, Warm: true, c.Id), ct);
        await journal.WriteAsync(async token =>
        {
            var conversation = (await journal.LoadForWriteAsync(call.ConversationId, token) ?? throw new InvalidOperationException("The conversation is gone."));
            var name = await db.Set<AgentProfile>().Where(a => a.UserId == colleague).Select(a => a.DisplayName).FirstAsync(token);
            conversation.HandOver(colleague!);
            journal.AppendEvent(conversation, $"{name} 상담사에게 연결되었습니다.");
            journal.Record(new Conversations.Events.ConversationTransferred(agentId, conversation.QueueId ?? 0, colleague), conversation);
            await actions.TouchIdleAsync(agentId, token);
            await db.SaveChangesAsync(token);
            return 0;
        }, ct);
        if (calls.Find(callId) is { } session)
        {
            if (session.Agent is { } old)
            {
                calls.Detach(session, old);
            }

            if (session.Consult is { } consult)
            {
                session.Consult = null;
                consult.Role = LegRole.Agent;
                session.Agent = consult;
            }

            calls.SetHold(session, false);
        }

        await bus.PublishAsync(new ConversationChanged(call.ConversationId!.Value, colleague));
        await bus.PublishAsync(new AgentChanged(agentId));
        await bus.PublishAsync(new AgentChanged(colleague!));
    }

    public async Task CancelConsultAsync(Guid callId, string agentId, CancellationToken ct)
    {
        string? colleague = null;
        await ChangeAsync(callId, c =>
        {
            Holder(c, agentId);
            colleague = c.ConsultAgentId;
            c.ConsultAgentId = null;
            c.State = CallState.Talking;
        }, c => new CallConsultCancelled(agentId, c.Id), ct);
        if (calls.Find(callId) is { } session)
        {
            if (session.Consult is { } consult)
            {
                calls.Detach(session, consult);
            }

            calls.SetHold(session, false);
        }

        if (colleague is not null)
        {
            // The colleague's softphone drops the request to consult.
            await bus.PublishAsync(new AgentChanged(colleague));
        }
    }

    /// <summary>The counsellor hangs up: the caller hears the closing words, the conversation waits in wrap-up for its case.</summary>
    public async Task HangUpAsync(Guid callId, string agentId, CancellationToken ct)
    {
        var call = await db.Set<Call>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == callId, ct) ?? throw ProblemException.NotFound("통화를 찾을 수 없습니다.");
        Holder(call, agentId);
        if (calls.Find(callId) is { } session)
        {
            await calls.SayGoodbyeAndHangUpAsync(session, "agent-hangup");
            return;
        }

        // The media is on no live node (it died): end the record here.
        await records.EndAsync(callId, "agent-hangup", ct);
    }

    /// <summary>A supervisor listens, whispers (heard by the counsellor only) or barges in.</summary>
    public async Task<CallDto> MonitorAsync(Guid callId, ClaimsPrincipal user, string mode, CancellationToken ct)
    {
        if (!user.SeesWholeCenter())
        {
            throw new ProblemException(StatusCodes.Status403Forbidden, "권한이 없습니다.");
        }

        if (mode is not ("listen" or "whisper" or "barge"))
        {
            throw ProblemException.Invalid("mode는 listen, whisper, barge 중 하나입니다.");
        }

        var updated = await ChangeAsync(callId, c =>
        {
            if (c.State == CallState.Ended)
            {
                throw ProblemException.Conflict("이미 끝난 통화입니다.");
            }

            c.MonitorId = user.Id();
            c.MonitorMode = mode;
        }, c => new CallMonitored(user.Id(), RoleOf(mode), c.Id), ct);
        if (calls.Find(callId)?.Monitor is { } leg && leg.UserId == user.Id())
        {
            leg.Role = RoleOf(mode);
        }

        return ToDto(updated, user);
    }

    public static LegRole RoleOf(string? mode) => mode switch
    {
        "whisper" => LegRole.Whisper,
        "barge" => LegRole.Barge,
        _ => LegRole.Listen,
    };

    public static bool MayView(Call call, ClaimsPrincipal user) =>
        user.SeesWholeCenter() || call.AgentId == user.Id() || call.ConsultAgentId == user.Id();

    private async Task<string?> PickColleagueAsync(int queueId, string agentId, CancellationToken ct)
    {
        var queue = await db.Set<ServiceQueue>().AsNoTracking().FirstOrDefaultAsync(q => q.Id == queueId, ct) ?? throw ProblemException.Invalid("대기열이 없습니다.");
        var skills = queue.Skills();
        var busy = await db.Set<Call>().AsNoTracking().Where(c => c.State != CallState.Ended && c.State != CallState.Announced)
            .Select(c => c.AgentId).ToListAsync(ct);
        var candidates = await db.Set<AgentProfile>().AsNoTracking().Where(a => a.Presence == Presence.Available && a.UserId != agentId)
            .OrderBy(a => a.IdleSince).ToListAsync(ct);
        return candidates.FirstOrDefault(a => !busy.Contains(a.UserId) && skills.All(s => a.SkillMap().ContainsKey(s)))?.UserId;
    }

    private static void Holder(Call call, string agentId)
    {
        if (call.AgentId != agentId || call.State == CallState.Ended)
        {
            throw ProblemException.Conflict("내가 받은 통화만 조작할 수 있습니다.");
        }
    }

    private async Task<Call> ChangeAsync(Guid callId, Action<Call> change, Func<Call, IEvent>? recorded, CancellationToken ct) =>
        await journal.WriteAsync(async token =>
        {
            var call = await db.Set<Call>().FirstOrDefaultAsync(c => c.Id == callId, token) ?? throw ProblemException.NotFound("통화를 찾을 수 없습니다.");
            change(call);
            call.Version = Guid.NewGuid();
            if (recorded is not null)
            {
                events.Append(recorded(call), call.ConversationId);
            }

            await db.SaveChangesAsync(token);
            return call;
        }, ct);

    public static CallDto ToDto(Call c, ClaimsPrincipal? user, string? userId = null)
    {
        var me = userId ?? user?.Id();
        var role = c.AgentId == me ? "agent" : c.ConsultAgentId == me ? "consult" : c.MonitorId == me ? "monitor" : null;
        return new CallDto(c.Id, c.ConversationId, c.Transport, c.State.ToString().ToLowerInvariant(), c.CallerNumber, c.DialledNumber,
            c.AgentId, c.ConsultAgentId, c.AgentMuted, c.MonitorId, c.MonitorMode, c.CreatedAt, c.ConnectedAt, c.AnsweredAt, c.EndedAt,
            c.HangupCause, role is null || c.State == CallState.Ended ? null : $"/voice/ws/staff?callId={c.Id}&role={role}", c.State != CallState.Ended);
    }
}
