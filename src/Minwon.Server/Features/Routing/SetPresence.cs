using Microsoft.EntityFrameworkCore;
using Minwon.Core.Routing;
using Minwon.Server.Data;
using Minwon.Server.Platform;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Routing;

public sealed record PresenceRequest(Presence Presence, string? Reason);

/// <summary>A counsellor changes state: available, busy, break (with a reason), after-contact work, offline.</summary>
public sealed class SetPresence(MinwonDbContext db, EventLog events, TimeProvider clock, LiveBus bus)
{
    public async Task<AgentProfile> HandleAsync(string agentId, PresenceRequest request, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(request.Presence))
        {
            throw ProblemException.Invalid("알 수 없는 상태입니다.");
        }

        if (request.Presence == Presence.Away)
        {
            throw ProblemException.Invalid("자리 비움은 연결이 끊기면 서버가 정하는 상태입니다.");
        }

        if (request.Presence == Presence.Break && string.IsNullOrWhiteSpace(request.Reason))
        {
            throw ProblemException.Invalid("휴식 사유를 선택하세요.");
        }

        var agent = await ConcurrencyRetry.RunAsync(db, async ct =>
        {
            var profile = await db.Set<AgentProfile>().FirstOrDefaultAsync(a => a.UserId == agentId, ct)
                ?? throw ProblemException.NotFound("상담사 프로필이 없습니다.");
            var now = clock.GetUtcNow();
            if (profile.Presence != request.Presence)
            {
                events.Append(new Events.AgentPresenceChanged(agentId, request.Presence));
                profile.PresenceSince = now;
                if (request.Presence == Presence.Available)
                {
                    profile.IdleSince = now;
                }
            }

            profile.Presence = request.Presence;
            profile.AwayFrom = null;
            // The grace period starts again from this choice (FollowConnections sets it at once if no connection is live).
            profile.ConnectionLostAt = null;
            profile.PresenceReason = request.Presence == Presence.Break ? request.Reason?.Trim()[..Math.Min(request.Reason.Trim().Length, 100)] : null;
            await db.SaveChangesAsync(ct);
            return profile;
        }, cancellationToken);
        await bus.PublishAsync(new AgentChanged(agentId));
        return agent;
    }
}
