using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Routing.Events;

/// <summary>
/// The counsellor serving a chat lost every connection for longer than <c>Minwon:Presence:RequeueChatsAfterSeconds</c>:
/// the chat went back to its queue, without that counsellor, and keeps its whole history.
/// </summary>
[EventType("ChatRequeued")]
public sealed record ChatRequeued(string FromAgentId, int ToQueue) : IEvent;
