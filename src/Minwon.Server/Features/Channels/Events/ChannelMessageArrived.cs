using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.ChannelAdapters.Events;

/// <summary>A channel webhook was accepted and its raw body stored in the inbox row <paramref name="InboxId"/>; the inbound consumer turns it into a conversation message.</summary>
[EventType("ChannelMessageArrived")]
public sealed record ChannelMessageArrived(long InboxId, string Channel) : IEvent;
