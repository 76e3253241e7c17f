using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Routing.Events;

/// <summary>The offer was not accepted in time; the conversation waits again without that counsellor.</summary>
[EventType("OfferExpired")]
public sealed record OfferExpired(string AgentId) : IEvent;
