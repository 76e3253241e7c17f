using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.IssueAlerting.Events;

/// <summary>A notice for citizens was published (bot greeting, visual ARS, desk).</summary>
[EventType("NoticePublished")]
public sealed record NoticePublished(Guid NoticeId, Guid? IssueId) : IEvent;
