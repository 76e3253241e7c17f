using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.IssueAlerting.Events;

/// <summary>A supervisor confirmed, dismissed or resolved an issue.</summary>
[EventType("IssueDecided")]
public sealed record IssueDecided(Guid IssueId, IssueStatus Status) : IEvent;
