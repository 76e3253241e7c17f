namespace Minwon.Server.Features.ChannelAdapters;

/// <summary>What one reply needs on its way out.</summary>
/// <param name="ExternalId">Our message id: the same on every try, so the provider can drop a repeat.</param>
/// <param name="Attempt">Which try this is (1 = the first); an adapter whose provider takes no idempotency key checks on a later try
/// whether an earlier one went through (X).</param>
/// <param name="QueuedAt">When the reply was queued: a message the provider shows from before it is not this one.</param>
public sealed record OutboundDelivery(string ExternalId, string To, string From, string Text, string Kind,
    string? Subject = null, string? InReplyTo = null, string? References = null, int Attempt = 1, DateTimeOffset? QueuedAt = null);

/// <summary>
/// One channel provider (an SMS gateway, a mail server): its limits and how a reply leaves. Inbound messages reach
/// <see cref="ReceiveChannelMessage"/> from each adapter's webhook or reader.
/// </summary>
public interface IChannelAdapter
{
    /// <summary>The conversation channel it serves (Conversations.Channels).</summary>
    string Channel { get; }

    /// <summary>A Korean explanation for the counsellor when the reply cannot go out as written, else null.</summary>
    string? CheckReply(string text);

    /// <summary>The text made to fit the channel (a long bot answer cut with a link to <paramref name="moreUrl"/>).</summary>
    string Fit(string text, string moreUrl);

    /// <summary>Our id for the reply that is message <paramref name="seq"/> (an SMS messageId, an e-mail Message-ID): the same on every try.</summary>
    string NewExternalId(Guid conversationId, int seq);

    /// <summary>The kind it is billed and sent as (sms, lms, email).</summary>
    string KindOf(string text);

    /// <summary>Sends one reply; returns the provider's id for it when the provider gives one (recorded on the outbox row).
    /// Throws <see cref="ChannelSendException"/> when the provider refuses or cannot be reached.</summary>
    Task<string?> SendAsync(OutboundDelivery delivery, CancellationToken cancellationToken);

    /// <summary>True when the try must be recorded before the request goes out (a crash mid-send then counts as a try, so the
    /// next one checks the provider first): for providers without an idempotency key.</summary>
    bool RecordsTryBeforeSending => false;
}

/// <summary>The provider did not take a reply; <see cref="Transient"/> ones (5xx, timeouts, no connection) are tried again.</summary>
public sealed class ChannelSendException(string reason, bool transient, Exception? inner = null) : Exception(reason, inner)
{
    public bool Transient { get; } = transient;
}
