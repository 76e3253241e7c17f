using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Minwon.Server.Features.Interpreting;

/// <summary>
/// An interpreter in a conversation (issue 16, three-way interpreter join): a staff member with the language skill whom
/// the counsellor added. While <see cref="LeftAt"/> is empty and the conversation is assigned, the interpreter sees it on
/// their desk and writes into it; removing them, or the end of the conversation, sets <see cref="LeftAt"/>. Rows are
/// never deleted: with the InterpreterJoined/InterpreterLeft events they are the audit of who interpreted when.
/// </summary>
public sealed class ConversationInterpreter
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ConversationId { get; init; }

    /// <summary>The interpreter's staff user id.</summary>
    public required string InterpreterId { get; init; }

    /// <summary>The interpreter's display name when added, as the citizen was told.</summary>
    public required string InterpreterName { get; init; }

    /// <summary>ISO 639-1 code of the language interpreted (the interpreter has its "lang:" skill).</summary>
    public required string Language { get; init; }

    public required string AddedBy { get; init; }
    public DateTimeOffset AddedAt { get; init; }
    public DateTimeOffset? LeftAt { get; private set; }
    public string? LeftBy { get; private set; }

    /// <summary>"removed" (by the counsellor), "left" (the interpreter), "ended" (the conversation ended or moved on).</summary>
    public string? LeftReason { get; private set; }

    public bool Active => LeftAt is null;

    public void Leave(string? by, string reason, DateTimeOffset now)
    {
        if (LeftAt is not null)
        {
            return;
        }

        LeftAt = now;
        LeftBy = by;
        LeftReason = reason;
    }
}

internal sealed class ConversationInterpreterConfiguration : IEntityTypeConfiguration<ConversationInterpreter>
{
    public void Configure(EntityTypeBuilder<ConversationInterpreter> entity)
    {
        entity.ToTable("ConversationInterpreters");
        entity.Property(i => i.InterpreterId).HasMaxLength(64);
        entity.Property(i => i.InterpreterName).HasMaxLength(100);
        entity.Property(i => i.Language).HasMaxLength(10);
        entity.Property(i => i.AddedBy).HasMaxLength(64);
        entity.Property(i => i.LeftBy).HasMaxLength(64);
        entity.Property(i => i.LeftReason).HasMaxLength(10);
        entity.Ignore(i => i.Active);
        entity.HasIndex(i => new { i.ConversationId, i.LeftAt });
        entity.HasIndex(i => new { i.InterpreterId, i.LeftAt });
    }
}
