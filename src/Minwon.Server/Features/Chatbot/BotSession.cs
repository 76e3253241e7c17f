using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minwon.Core.Chatbot;

namespace Minwon.Server.Features.Chatbot;

/// <summary>Where the bot's dialog with one conversation stands; the conversation itself stays the source of truth.</summary>
public sealed class BotSession
{
    public Guid ConversationId { get; init; }
    public BotPhase Phase { get; set; }

    /// <summary>Article ids offered as choices, comma-separated.</summary>
    public string Choices { get; set; } = "";

    public string? LastArticleId { get; set; }
    /// <summary>The last citizen message the bot took its turn for (0: the opening topic; -1: none yet).</summary>
    public int HandledSeq { get; set; } = -1;

    public int Misses { get; set; }
    public int Answers { get; set; }

    /// <summary>Times the citizen said an answer did not help; the second one hands off.</summary>
    public int Declines { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public BotState ToState() =>
        new(Phase, Choices.Split(',', StringSplitOptions.RemoveEmptyEntries), Misses, Declines);
}

internal sealed class BotSessionConfiguration : IEntityTypeConfiguration<BotSession>
{
    public void Configure(EntityTypeBuilder<BotSession> entity)
    {
        entity.ToTable("BotSessions");
        entity.HasKey(s => s.ConversationId);
        entity.Property(s => s.Phase).HasConversion<string>().HasMaxLength(30);
        entity.Property(s => s.Choices).HasMaxLength(400);
        entity.Property(s => s.LastArticleId).HasMaxLength(200);
    }
}
