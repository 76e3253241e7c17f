namespace Minwon.Core.Routing;

/// <summary>One contact's passage through a queue, for the wallboard figures.</summary>
/// <param name="EnqueuedAt">When it started waiting for a counsellor.</param>
/// <param name="AnsweredAt">When a counsellor accepted it, if one did.</param>
/// <param name="AbandonedAt">When the citizen left while waiting, if they did.</param>
public sealed record QueueContactRecord(DateTimeOffset EnqueuedAt, DateTimeOffset? AnsweredAt, DateTimeOffset? AbandonedAt);
