using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minwon.Core.Conversations;

namespace Minwon.Server.Features.Conversations;

/// <summary>
/// One consultation on one channel, from the citizen's first message to the counsellor's close. Its state moves only
/// through the methods below, each one a trigger of Core's <see cref="ConversationLifecycle"/> (an illegal move throws
/// <see cref="InvalidTransitionException"/>). Lifecycle fields have init accessors only: set when a row is built (demo
/// data, imports, tests), never changed around the lifecycle afterwards. <see cref="Version"/> is set on save by
/// Data/SaveInterceptor, the one place for concurrency tokens.
/// </summary>
public sealed class Conversation
{
    private string language = "ko";
    private ConversationStatus status = ConversationStatus.New;
    private int? queueId;
    private int priority;
    private DateTimeOffset? enqueuedAt;
    private DateTimeOffset? firstEnqueuedAt;
    private string? offeredToId;
    private DateTimeOffset? offerExpiresAt;
    private string? assignedToId;
    private DateTimeOffset? answeredAt;
    private DateTimeOffset? endedAt;
    private DateTimeOffset? closedAt;
    private string excludedAgents = "";
    private string? preferredAgentId;
    private int lastSeq;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The citizen's only credential: unguessable (256 bits), never logged.</summary>
    public required string Token { get; init; }

    public Guid ContactId { get; init; }
    public Contact? Contact { get; init; }
    public string Channel { get; init; } = Channels.WebChat;
    /// <summary>ISO 639-1; set at start from the page, and changed once when the first messages are in another language (issue 16).</summary>
    public string Language { get => language; init => language = value; }
    public string? Topic { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    public ConversationStatus Status { get => status; init => status = value; }
    public int? QueueId { get => queueId; init => queueId = value; }
    public int Priority { get => priority; init => priority = value; }
    public DateTimeOffset? EnqueuedAt { get => enqueuedAt; init => enqueuedAt = value; }

    /// <summary>When the contact first entered any queue; service level and speed of answer count from here.</summary>
    public DateTimeOffset? FirstEnqueuedAt { get => firstEnqueuedAt; init => firstEnqueuedAt = value; }

    public string? OfferedToId { get => offeredToId; init => offeredToId = value; }
    public DateTimeOffset? OfferExpiresAt { get => offerExpiresAt; init => offerExpiresAt = value; }
    public string? AssignedToId { get => assignedToId; init => assignedToId = value; }
    public DateTimeOffset? AnsweredAt { get => answeredAt; init => answeredAt = value; }
    public DateTimeOffset? EndedAt { get => endedAt; init => endedAt = value; }
    public DateTimeOffset? ClosedAt { get => closedAt; init => closedAt = value; }

    /// <summary>Counsellors who declined or let an offer expire; comma-separated ids, the router skips them.</summary>
    public string ExcludedAgents { get => excludedAgents; init => excludedAgents = value; }

    /// <summary>A transfer to a named counsellor.</summary>
    public string? PreferredAgentId { get => preferredAgentId; init => preferredAgentId = value; }

    /// <summary>Highest message sequence number used; messages are numbered 1, 2, 3 ... per conversation.</summary>
    public int LastSeq { get => lastSeq; init => lastSeq = value; }

    /// <summary>Optimistic concurrency: every saved change takes a new value (Data/SaveInterceptor), so two nodes never both win.</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    public IEnumerable<string> ExcludedAgentIds() =>
        ExcludedAgents.Split(',', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The citizen writes in another language than the page's (issue 16): replies and routing follow it.</summary>
    public void SwitchLanguage(string to) => language = to;

    /// <summary>The next message number; the caller stores the message in the same unit of work.</summary>
    public int NextSeq() => ++lastSeq;

    /// <summary>A bot chat counts in the queue a hand-off will go to, while it is still New.</summary>
    public void ServeWithBot(int queue) => queueId = Status == ConversationStatus.New ? queue : throw new InvalidTransitionException(Status, ConversationTrigger.Enqueue);

    /// <summary>New to Queued: the citizen asked for a counsellor, or the bot handed off.</summary>
    public void Enqueue(int queue, int queuePriority, DateTimeOffset now)
    {
        Move(ConversationTrigger.Enqueue);
        Wait(queue, queuePriority, now);
    }

    /// <summary>Queued to Queued in a broader queue, after waiting past the overflow time.</summary>
    public void Overflow(int queue, int queuePriority, DateTimeOffset now)
    {
        Move(ConversationTrigger.Overflow);
        Wait(queue, queuePriority, now);
        excludedAgents = "";
    }

    public void Offer(string agentId, DateTimeOffset expiresAt)
    {
        Move(ConversationTrigger.Offer);
        offeredToId = agentId;
        offerExpiresAt = expiresAt;
    }

    public void Accept(string agentId, DateTimeOffset now)
    {
        if (offeredToId != agentId)
        {
            throw new InvalidTransitionException(Status, ConversationTrigger.Accept);
        }

        Move(ConversationTrigger.Accept);
        assignedToId = agentId;
        offeredToId = null;
        offerExpiresAt = null;
        preferredAgentId = null;
        answeredAt ??= now;
    }

    /// <summary>Back to Queued without the counsellor who declined.</summary>
    public void Decline(string agentId) => BackToQueue(ConversationTrigger.Decline, agentId);

    /// <summary>Back to Queued without the counsellor who let the offer expire.</summary>
    public void ExpireOffer() => BackToQueue(ConversationTrigger.OfferTimeout, offeredToId);

    /// <summary>Assigned to Queued for another queue or a named colleague; the citizen keeps the whole history.</summary>
    public void Transfer(string fromAgentId, int queue, int queuePriority, string? toAgentId, DateTimeOffset now)
    {
        Move(ConversationTrigger.Transfer);
        Wait(queue, queuePriority, now);
        assignedToId = null;
        preferredAgentId = toAgentId;
        excludedAgents = fromAgentId;
    }

    /// <summary>Assigned to WrapUp: the counsellor ended the chat.</summary>
    public void EndChat(DateTimeOffset now)
    {
        Move(ConversationTrigger.EndChat);
        endedAt = now;
    }

    /// <summary>The citizen left: Abandoned before a counsellor took it, WrapUp after (no change in WrapUp).</summary>
    public void CitizenLeft(DateTimeOffset now)
    {
        var before = Status;
        Move(ConversationTrigger.CitizenLeft);
        if (before != ConversationStatus.WrapUp)
        {
            endedAt = now;
            offeredToId = null;
            offerExpiresAt = null;
        }
    }

    /// <summary>Queued or Offered to Closed: a waiting caller booked a callback instead (a callback case was written).</summary>
    public void BookCallback(DateTimeOffset now)
    {
        Move(ConversationTrigger.CallbackBooked);
        offeredToId = null;
        offerExpiresAt = null;
        endedAt = closedAt = now;
    }

    /// <summary>A warm transfer completed: the colleague who joined the call now holds the conversation (still Assigned).</summary>
    public void HandOver(string toAgentId)
    {
        if (Status != ConversationStatus.Assigned)
        {
            throw new InvalidTransitionException(Status, ConversationTrigger.Transfer);
        }

        assignedToId = toAgentId;
    }

    /// <summary>New to Closed: the bot answered and the citizen was done.</summary>
    public void ResolveByBot(DateTimeOffset now)
    {
        Move(ConversationTrigger.BotResolved);
        endedAt = closedAt = now;
    }

    /// <summary>WrapUp to Closed with the case written.</summary>
    public void Close(DateTimeOffset now)
    {
        Move(ConversationTrigger.Close);
        closedAt = now;
    }

    private void Move(ConversationTrigger trigger) => status = ConversationLifecycle.Transition(status, trigger);

    private void Wait(int queue, int queuePriority, DateTimeOffset now)
    {
        queueId = queue;
        priority = queuePriority;
        enqueuedAt = now;
        firstEnqueuedAt ??= now;
        offeredToId = null;
        offerExpiresAt = null;
    }

    private void BackToQueue(ConversationTrigger trigger, string? agentId)
    {
        Move(trigger);
        if (agentId is not null)
        {
            excludedAgents = string.Join(',', ExcludedAgentIds().Append(agentId).Distinct().TakeLast(50));
        }

        offeredToId = null;
        offerExpiresAt = null;
    }
}

internal sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> entity)
    {
        entity.ToTable("Conversations");
        entity.Property(c => c.Token).HasMaxLength(64);
        entity.HasIndex(c => c.Token).IsUnique();
        entity.Property(c => c.Channel).HasMaxLength(20);
        entity.Property(c => c.Language).HasMaxLength(10);
        entity.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        entity.Property(c => c.Topic).HasMaxLength(200);
        entity.Property(c => c.OfferedToId).HasMaxLength(64);
        entity.Property(c => c.AssignedToId).HasMaxLength(64);
        entity.Property(c => c.PreferredAgentId).HasMaxLength(64);
        entity.Property(c => c.ExcludedAgents).HasMaxLength(2000);
        entity.Property(c => c.Version).IsConcurrencyToken();
        entity.HasOne(c => c.Contact).WithMany().HasForeignKey(c => c.ContactId);

        // The router reads waiting contacts by status in priority and arrival order; desks read by counsellor.
        entity.HasIndex(c => new { c.Status, c.Priority, c.FirstEnqueuedAt });
        entity.HasIndex(c => new { c.Status, c.OfferExpiresAt });
        entity.HasIndex(c => new { c.AssignedToId, c.Status });
        entity.HasIndex(c => new { c.OfferedToId, c.Status });
        entity.HasIndex(c => new { c.ContactId, c.CreatedAt });
        entity.HasIndex(c => new { c.QueueId, c.FirstEnqueuedAt });
    }
}
