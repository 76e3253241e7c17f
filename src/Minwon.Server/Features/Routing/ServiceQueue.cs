using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Minwon.Server.Features.Routing;

/// <summary>A queue (대기열): the skills a counsellor needs to take its contacts, its priority and service-level target.</summary>
public sealed class ServiceQueue
{
    public int Id { get; init; }
    public required string Name { get; set; }

    /// <summary>Skills every counsellor must have, e.g. "lang:ko", "channel:chat", "cat:교통"; comma-separated.</summary>
    public string RequiredSkills { get; set; } = "";

    /// <summary>Larger is more urgent; copied to each contact when it enters the queue.</summary>
    public int Priority { get; set; }

    public int ServiceLevelSeconds { get; set; } = 20;

    /// <summary>A contact waiting longer than this moves to <see cref="OverflowQueueId"/> (a broader queue).</summary>
    public int? OverflowAfterSeconds { get; set; }

    public int? OverflowQueueId { get; set; }

    /// <summary>New contacts are refused with a clear message when this many wait already.</summary>
    public int MaxWaiting { get; set; } = 500;

    /// <summary>Web chat citizens land here unless routed elsewhere.</summary>
    public bool IsDefault { get; set; }

    public IReadOnlyList<string> Skills() =>
        RequiredSkills.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

internal sealed class ServiceQueueConfiguration : IEntityTypeConfiguration<ServiceQueue>
{
    public void Configure(EntityTypeBuilder<ServiceQueue> entity)
    {
        entity.ToTable("Queues");
        entity.Property(q => q.Name).HasMaxLength(100);
        entity.HasIndex(q => q.Name).IsUnique();
        entity.Property(q => q.RequiredSkills).HasMaxLength(1000);
    }
}
