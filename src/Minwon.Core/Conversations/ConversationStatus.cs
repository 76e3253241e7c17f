namespace Minwon.Core.Conversations;

/// <summary>Where a conversation is in its life; see <see cref="ConversationLifecycle"/> for the allowed moves.</summary>
public enum ConversationStatus
{
    /// <summary>Created by a channel; the bot may be answering.</summary>
    New,

    /// <summary>Waiting for a counsellor.</summary>
    Queued,

    /// <summary>Offered to one counsellor, who has not accepted yet.</summary>
    Offered,

    /// <summary>A counsellor is handling it.</summary>
    Assigned,

    /// <summary>The talk is over; the counsellor is writing up the case.</summary>
    WrapUp,

    /// <summary>Finished (terminal).</summary>
    Closed,

    /// <summary>The citizen left before any counsellor took it (terminal).</summary>
    Abandoned,
}
