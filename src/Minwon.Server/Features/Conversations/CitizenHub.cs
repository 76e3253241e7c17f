using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Minwon.Server.Data;
using Minwon.Server.Platform;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Conversations;

/// <summary>Messages the server pushes to a citizen's page.</summary>
public interface ICitizenClient
{
    Task Message(MessageDto message);
    Task State(ChatState state);
    Task Typing();

    /// <summary>The conversation changed (accepted, ended, closed with a case): the page asks for its state again.</summary>
    Task Changed();

    /// <summary>A WebRTC signal from the counsellor of a sign-language video conversation (Video/VideoSignalling).</summary>
    Task VideoSignal(Video.VideoSignal signal);
}

/// <summary>
/// Web chat push for citizens. Thin: checks the token, joins the conversation's group, delegates.
/// A reconnecting page calls Join with the last sequence it rendered and gets everything after it.
/// </summary>
public sealed class CitizenHub(MinwonDbContext db, ConversationJournal journal, PostMessage post, LeaveChat leave,
    GetChatState state, CitizenThrottle throttle, Platform.Events.LiveBus bus) : Hub<ICitizenClient>
{
    public static string Group(Guid conversationId) => "c:" + conversationId.ToString("N");

    public async Task<List<MessageDto>> Join(string token, int afterSeq)
    {
        var id = await ResolveAsync(token);
        await Groups.AddToGroupAsync(Context.ConnectionId, Group(id), Context.ConnectionAborted);
        return await journal.ReadAfterAsync(id, Math.Max(0, afterSeq), Context.ConnectionAborted);
    }

    public Task<MessageDto> Send(string? token, string? clientMessageId, string? body)
    {
        if (token is null)
        {
            throw new HubException("대화를 찾을 수 없습니다.");
        }

        // Per conversation and per client address, shared with the REST API: a new connection starts no fresh allowance.
        if (!throttle.TryTake(token, Context.GetHttpContext()?.Connection.RemoteIpAddress, clientMessageId))
        {
            throw new HubException(CitizenThrottle.Refusal);
        }

        return Guard(() => post.FromCitizenAsync(token, new PostMessageRequest(body, clientMessageId), Context.ConnectionAborted));
    }

    public Task<ChatState> GetState(string token) => Guard(() => state.HandleAsync(token, Context.ConnectionAborted));

    public async Task Typing(string token)
    {
        var id = await ResolveAsync(token);
        await bus.PublishAsync(new Platform.Events.CitizenTyping(id));
    }

    public Task Leave(string token) => Guard(async () =>
    {
        await leave.HandleAsync(token, Context.ConnectionAborted);
        return true;
    });

    /// <summary>Sign-language video: a WebRTC signal for the assigned counsellor (refused unless this token's video conversation is assigned).</summary>
    public Task VideoSignal(string? token, Video.VideoSignal? signal, Video.VideoSignalling video) =>
        video.FromCitizenAsync(token, signal, Context.ConnectionAborted);

    private async Task<Guid> ResolveAsync(string token) =>
        await db.Set<Conversation>().Where(c => c.Token == token).Select(c => (Guid?)c.Id)
            .FirstOrDefaultAsync(Context.ConnectionAborted) ?? throw new HubException("대화를 찾을 수 없습니다.");

    private static async Task<T> Guard<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (ProblemException p)
        {
            throw new HubException(p.Detail ?? p.Title);
        }
    }
}
