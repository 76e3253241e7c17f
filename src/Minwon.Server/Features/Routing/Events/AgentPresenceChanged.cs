using Minwon.Core.Routing;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Routing.Events;

/// <summary>A counsellor's state changed (available, busy, break, after-contact work, offline).</summary>
[EventType("AgentPresenceChanged")]
public sealed record AgentPresenceChanged(string AgentId, Presence Presence) : IEvent;
