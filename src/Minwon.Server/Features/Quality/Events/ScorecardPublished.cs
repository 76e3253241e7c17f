using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Quality.Events;

/// <summary>An administrator saved a new scorecard version; consultations closing from then on are scored with it.</summary>
[EventType("ScorecardPublished")]
public sealed record ScorecardPublished(int Version) : IEvent;
