using System.Security.Claims;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Minwon.Core.Conversations;
using Minwon.Server.Data;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Features.Staff;
using Minwon.Server.Platform;

namespace Minwon.Server.Features.Video;

/// <summary>
/// Relays WebRTC signalling over the existing hubs, checked against the conversation's participants: the citizen
/// (by its token) and the counsellor the video conversation is assigned to, and only while it is assigned. Anybody
/// else, and any other channel, is refused with the same message as an unknown conversation. The hub contexts send
/// to groups, so with the Redis backplane a signal reaches the other side on whichever node it is connected.
/// </summary>
public sealed partial class VideoSignalling(MinwonDbContext db, IHubContext<CitizenHub, ICitizenClient> citizens,
    IHubContext<StaffHub, IStaffClient> staff, ILogger<VideoSignalling> logger)
{
    public const string Refusal = "연결된 수어 상담을 찾을 수 없습니다.";

    public async Task FromCitizenAsync(string? token, VideoSignal? signal, CancellationToken ct)
    {
        Check(signal);
        var conversation = token is null ? null : await db.Set<Conversation>().AsNoTracking().FirstOrDefaultAsync(c => c.Token == token, ct);
        if (conversation is not { Channel: Channels.Video, Status: ConversationStatus.Assigned, AssignedToId: { } agentId })
        {
            LogRefused(logger, "citizen", conversation?.Id);
            throw new HubException(Refusal);
        }

        await staff.Clients.Group(StaffHub.AgentGroup(agentId)).VideoSignal(conversation.Id, signal!);
    }

    public async Task FromStaffAsync(ClaimsPrincipal user, Guid conversationId, VideoSignal? signal, CancellationToken ct)
    {
        Check(signal);
        var conversation = await db.Set<Conversation>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == conversationId, ct);
        if (conversation is not { Channel: Channels.Video, Status: ConversationStatus.Assigned } || conversation.AssignedToId != user.Id())
        {
            LogRefused(logger, "staff", conversation?.Id);
            throw new HubException(Refusal);
        }

        await citizens.Clients.Group(CitizenHub.Group(conversation.Id)).VideoSignal(signal!);
    }

    private static void Check(VideoSignal? signal)
    {
        var problem = signal is null ? "신호가 없습니다." : signal.Problem();
        if (problem is not null)
        {
            throw new HubException(problem);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Video signal refused from a {Side} that is not a participant (conversation {ConversationId})")]
    private static partial void LogRefused(ILogger logger, string side, Guid? conversationId);
}
