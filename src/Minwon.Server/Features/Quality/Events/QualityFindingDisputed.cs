using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Quality.Events;

/// <summary>A counsellor disputed a failed finding of their own score; a supervisor resolves it.</summary>
[EventType("QualityFindingDisputed")]
public sealed record QualityFindingDisputed(Guid DisputeId, Guid ScoreId, long FindingId) : IEvent;
