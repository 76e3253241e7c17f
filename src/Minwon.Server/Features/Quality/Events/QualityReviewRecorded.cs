using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Quality.Events;

/// <summary>A supervisor scored a consultation by hand beside its automatic score (calibration).</summary>
[EventType("QualityReviewRecorded")]
public sealed record QualityReviewRecorded(Guid ReviewId, Guid ScoreId) : IEvent;
