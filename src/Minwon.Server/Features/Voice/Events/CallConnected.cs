using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Voice.Events;

/// <summary>The caller's audio connected (AudioSocket, Media Streams or the web-call page) and the call joined its queue as a conversation.</summary>
[EventType("CallConnected")]
public sealed record CallConnected(Guid CallId, string Transport) : IEvent;
