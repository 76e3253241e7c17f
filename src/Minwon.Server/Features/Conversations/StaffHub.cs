using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Minwon.Server.Data;
using Minwon.Server.Features.Staff;
using Minwon.Server.Platform;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Conversations;

/// <summary>Pushes to a staff client (the desk in another UI, an integration, the load generator).</summary>
public interface IStaffClient
{
    Task Message(Guid conversationId, MessageDto message);
    Task ConversationChanged(Guid conversationId);
    Task CitizenTyping(Guid conversationId);

    /// <summary>A WebRTC signal from the citizen of a sign-language video conversation assigned to this counsellor.</summary>
    Task VideoSignal(Guid conversationId, Video.VideoSignal signal);
}

/// <summary>
/// Staff real time for API clients: each counsellor joins their own group and receives the messages and changes of
/// the conversations offered or assigned to them; supervisors may also watch the whole center. Actions go through
/// the REST API; the hub only pushes and catches a client up.
/// </summary>
[Authorize(Policy = StaffRoles.StaffPolicy)]
public sealed class StaffHub(MinwonDbContext db, ConversationJournal journal, Routing.AgentConnections connections) : Hub<IStaffClient>
{
    public static string AgentGroup(string agentId) => "a:" + agentId;

    public const string CenterGroup = "center";

    public override async Task OnConnectedAsync()
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, AgentGroup(Context.User!.Id()));
        // A connected staff client is "there": presence and routing follow these (Routing/FollowConnections).
        await connections.ConnectedAsync("hub:" + Context.ConnectionId, Context.User!.Id(), "hub", Context.ConnectionAborted);
        await base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        await connections.DisconnectedAsync("hub:" + Context.ConnectionId, CancellationToken.None);
        await base.OnDisconnectedAsync(exception);
    }

    /// <summary>Supervisors only: every message and change in the center.</summary>
    public async Task WatchCenter()
    {
        if (!Context.User!.SeesWholeCenter())
        {
            throw new HubException("권한이 없습니다.");
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, CenterGroup);
    }

    /// <summary>Sign-language video: a WebRTC signal for the citizen of a video conversation assigned to the caller.</summary>
    public Task VideoSignal(Guid conversationId, Video.VideoSignal? signal, Video.VideoSignalling video) =>
        video.FromStaffAsync(Context.User!, conversationId, signal, Context.ConnectionAborted);

    /// <summary>Messages after a sequence number, for a client that reconnects; only for conversations it may see.</summary>
    public async Task<List<MessageDto>> CatchUp(Guid conversationId, int afterSeq)
    {
        var conversation = await db.Set<Conversation>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == conversationId, Context.ConnectionAborted);
        if (conversation is null || !await db.CanViewAsync(Context.User!, conversation, Context.ConnectionAborted))
        {
            throw new HubException("대화를 찾을 수 없습니다.");
        }

        return await journal.ReadAfterAsync(conversationId, Math.Max(0, afterSeq), Context.ConnectionAborted);
    }
}
