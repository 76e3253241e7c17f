using Minwon.Core.Quality;

namespace Minwon.Server.Features.Quality;

/// <summary>
/// What the quality scorer needs from a finished consultation, whatever the channel: the turns (masked text, as
/// stored) and the facts of the record. Chat builds it from messages (<see cref="ChatConsultations"/>); phone calls
/// build it from their transcript segments and the telephony record (holds, transfers) and hand it to
/// <see cref="ScoreConsultation.HandleAsync"/>.
/// </summary>
public sealed record ConsultationForScoring(
    Guid ConversationId,
    string CounsellorId,
    ConsultationChannel Channel,
    DateTimeOffset ClosedAt,
    IReadOnlyList<ScoredTurn> Turns)
{
    public Guid? CaseId { get; init; }
    public string? ReceiptNumber { get; init; }
    public string CounsellorName { get; init; } = "";
    public string Team { get; init; } = "";
    public double? QueueSeconds { get; init; }
    public int? AbandonedAttempts { get; init; }
    public int? Transfers { get; init; }
    public IReadOnlyList<HoldPeriod>? Holds { get; init; }

    public ConsultationRecord ToRecord() =>
        new(ConversationId.ToString(), Channel, [.. Turns.Select(t => new ConsultationTurn(t.Speaker, t.Text, t.OffsetSeconds))])
        {
            QueueSeconds = QueueSeconds,
            AbandonedAttempts = AbandonedAttempts,
            Transfers = Transfers,
            Holds = Holds,
        };
}

/// <summary>One turn: who, the masked text, seconds from the answer, and the message it came from (for the screens).</summary>
public sealed record ScoredTurn(Speaker Speaker, string Text, double OffsetSeconds, int? MessageSeq = null);
