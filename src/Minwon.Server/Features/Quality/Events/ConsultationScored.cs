using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Quality.Events;

/// <summary>
/// A closed consultation was scored (KSQI five areas) with the given scorecard version. The row carries the
/// conversation id; findings and evidence stay in QualityFindings.
/// </summary>
[EventType("ConsultationScored")]
public sealed record ConsultationScored(Guid ScoreId, Guid? CaseId, int ScorecardVersion, double Total, int LowestArea) : IEvent;
