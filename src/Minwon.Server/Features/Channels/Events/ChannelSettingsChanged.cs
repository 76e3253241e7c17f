using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.ChannelAdapters.Events;

/// <summary>
/// The settings screen changed <paramref name="Changed"/> values of <paramref name="Channel"/> (no values: they may be secrets).
/// Its commit wakes every node's <see cref="Settings.ChannelSettingsLoader"/> through the event signal (Redis between nodes).
/// </summary>
[EventType("ChannelSettingsChanged")]
public sealed record ChannelSettingsChanged(string Channel, int Changed) : IEvent;
