namespace Minwon.Core.IssueAlerting;

/// <summary>What the detector did with the last event it was given.</summary>
public enum ObserveOutcome
{
    Accepted,

    /// <summary>Older than the lateness tolerance behind the newest event seen: skipped.</summary>
    TooLate,

    /// <summary>Same time, text, district and channel as an event seen within the duplicate window: skipped.</summary>
    Duplicate,
}
