using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minwon.Core.Conversations;

namespace Minwon.Server.Features.Conversations;

/// <summary>One consultation on one channel, from the citizen's first message to the counsellor's close.</summary>
public sealed class Conversation
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The citizen's only credential: unguessable (256 bits), never logged.</summary>
    public required string Token { get; init; }

    public Guid ContactId { get; init; }
    public Contact? Contact { get; init; }
    public string Channel { get; set; } = Channels.WebChat;
    public string Language { get; set; } = "ko";
    public ConversationStatus Status { get; set; } = ConversationStatus.New;
    public int? QueueId { get; set; }
    public int Priority { get; set; }
    public string? Topic { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? EnqueuedAt { get; set; }

    /// <summary>When the contact first entered any queue; service level and speed of answer count from here.</summary>
    public DateTimeOffset? FirstEnqueuedAt { get; set; }

    public string? OfferedToId { get; set; }
    public DateTimeOffset? OfferExpiresAt { get; set; }
    public string? AssignedToId { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>Counsellors who declined or let an offer expire; comma-separated ids, the router skips them.</summary>
    public string ExcludedAgents { get; set; } = "";

    /// <summary>A transfer to a named counsellor.</summary>
    public string? PreferredAgentId { get; set; }

    /// <summary>Highest message sequence number used; messages are numbered 1, 2, 3 ... per conversation.</summary>
    public int LastSeq { get; set; }

    /// <summary>Optimistic concurrency: every change takes a new value, so two nodes never both win.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public IEnumerable<string> ExcludedAgentIds() =>
        ExcludedAgents.Split(',', StringSplitOptions.RemoveEmptyEntries);
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
