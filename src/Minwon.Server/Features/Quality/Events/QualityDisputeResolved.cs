using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Quality.Events;

/// <summary>A supervisor upheld (the item counts as passed, the score was recomputed) or rejected a dispute.</summary>
[EventType("QualityDisputeResolved")]
public sealed record QualityDisputeResolved(Guid DisputeId, Guid ScoreId, bool Upheld, double Total) : IEvent;
