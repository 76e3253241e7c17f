using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Minwon.Server.Features.Routing;

/// <summary>
/// One live staff connection (a desk circuit or a staff hub connection) on one node. Kept in the database so every
/// node, and the router on whichever node leads, sees who is really there; rows of a node whose lease is free are
/// removed by the others (<see cref="AgentConnections"/>).
/// </summary>
public sealed class AgentConnection
{
    public required string Id { get; init; }
    public required string UserId { get; init; }

    /// <summary>The node holding the connection (<see cref="Platform.NodeIdentity.Id"/>).</summary>
    public required string NodeId { get; init; }

    /// <summary>"desk" (a Blazor circuit of the desk page) or "hub" (/hubs/staff).</summary>
    public required string Kind { get; init; }

    public DateTimeOffset ConnectedAt { get; init; }
}

internal sealed class AgentConnectionConfiguration : IEntityTypeConfiguration<AgentConnection>
{
    public void Configure(EntityTypeBuilder<AgentConnection> entity)
    {
        entity.ToTable("AgentConnections");
        entity.HasKey(c => c.Id);
        entity.Property(c => c.Id).HasMaxLength(120);
        entity.Property(c => c.UserId).HasMaxLength(64);
        entity.Property(c => c.NodeId).HasMaxLength(200);
        entity.Property(c => c.Kind).HasMaxLength(16);
        entity.HasIndex(c => c.UserId);
        entity.HasIndex(c => c.NodeId);
    }
}
