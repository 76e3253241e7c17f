using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Routing.Events;

/// <summary>A contact waited past its queue's overflow time and moved to the broader queue.</summary>
[EventType("ConversationOverflowed")]
public sealed record ConversationOverflowed(int From, int To) : IEvent;
