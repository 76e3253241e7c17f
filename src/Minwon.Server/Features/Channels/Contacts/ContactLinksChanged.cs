using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.ChannelAdapters.Contacts;

/// <summary>
/// Two contacts were linked as one citizen, or such a link was undone (ids only): a desk showing either contact's history, or
/// the history of a contact linked to either, reads it again.
/// </summary>
public sealed record ContactLinksChanged(Guid ContactId, Guid OtherContactId) : LiveEvent;
