using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Routing.Events;

/// <summary>The counsellor declined the offer; the conversation waits again without them.</summary>
[EventType("OfferDeclined")]
public sealed record OfferDeclined(string AgentId) : IEvent;
