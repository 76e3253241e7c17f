namespace Minwon.Core.Quality;

/// <summary>
/// A finished consultation as the scorer sees it: the turns plus the facts of the record. Reachability is scored
/// from the facts only. Facts that a source does not know stay null and their checklist items are not applicable
/// (the command line knows the queue time; the server also knows transfers and earlier abandoned attempts).
/// </summary>
public sealed record ConsultationRecord(string Id, ConsultationChannel Channel, IReadOnlyList<ConsultationTurn> Turns)
{
    /// <summary>Seconds the citizen waited in the queue before a counsellor answered.</summary>
    public double? QueueSeconds { get; init; }

    /// <summary>Contacts of the same citizen that were abandoned in the queue shortly before this one.</summary>
    public int? AbandonedAttempts { get; init; }

    /// <summary>How many times the consultation was transferred between counsellors or queues.</summary>
    public int? Transfers { get; init; }

    /// <summary>Holds recorded by telephony. When null, long silences in the transcript stand in for holds.</summary>
    public IReadOnlyList<HoldPeriod>? Holds { get; init; }
}
