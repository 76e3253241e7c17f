using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.IssueAlerting.Events;

/// <summary>The detector raised an emerging issue (or a new burst of a known one).</summary>
[EventType("IssueDetected")]
public sealed record IssueDetected(Guid IssueId) : IEvent;
