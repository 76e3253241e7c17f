namespace Minwon.Core.Conversations;

/// <summary>Something that happens to a conversation and may move it to another <see cref="ConversationStatus"/>.</summary>
public enum ConversationTrigger
{
    /// <summary>The bot hands off, or the citizen asks for a counsellor: New to Queued.</summary>
    Enqueue,

    /// <summary>The router offers it to a counsellor: Queued to Offered.</summary>
    Offer,

    /// <summary>The counsellor accepts the offer: Offered to Assigned.</summary>
    Accept,

    /// <summary>The counsellor declines: back to Queued (the router then excludes that counsellor).</summary>
    Decline,

    /// <summary>The offer was not answered in time: back to Queued, like a decline.</summary>
    OfferTimeout,

    /// <summary>The counsellor transfers it to a queue or a named colleague: Assigned to Queued.</summary>
    Transfer,

    /// <summary>The counsellor ends the chat: Assigned to WrapUp.</summary>
    EndChat,

    /// <summary>The citizen leaves: Abandoned before assignment, WrapUp after (and a no-op during WrapUp).</summary>
    CitizenLeft,

    /// <summary>The counsellor finishes the wrap-up: WrapUp to Closed.</summary>
    Close,

    /// <summary>The bot answered and no counsellor was needed: New to Closed.</summary>
    BotResolved,

    /// <summary>Waited past the queue's overflow time: Queued to Queued in a broader queue.</summary>
    Overflow,

    /// <summary>A waiting caller booked a callback (콜백 예약): Queued or Offered to Closed, with a callback case.</summary>
    CallbackBooked,
}
