using Minwon.Server.Features.Voice.Media;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Voice.Events;

/// <summary>A supervisor joined the call to listen, whisper to the counsellor or barge in.</summary>
[EventType("CallMonitored")]
public sealed record CallMonitored(string SupervisorId, LegRole Mode, Guid CallId) : IEvent;
