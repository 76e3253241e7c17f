namespace Minwon.Core.IssueAlerting;

/// <summary>
/// An ongoing issue: the keys attached to it (so they update it rather than alert again), the contacts behind it and
/// when one of its keys was last significant. It ends after the cooldown passes without significance.
/// </summary>
internal sealed class TrackedIssue(IssueAlert alert, long createdTicks)
{
    public IssueAlert Alert { get; set; } = alert;

    public long CreatedTicks { get; } = createdTicks;

    public long LastSignificantTicks { get; set; } = createdTicks;

    /// <summary>Sequence numbers of the contacts behind the issue.</summary>
    public HashSet<long> Contacts { get; } = [];

    /// <summary>Attached keys with their best z-score, and whether their contacts are mostly the issue's own.</summary>
    public Dictionary<KeyState, (double Score, bool Specific)> Keys { get; } = [];

    /// <summary>|a ∩ b| / min(|a|, |b|): a district key inside a city-wide burst overlaps fully, and so does the reverse.</summary>
    public double Overlap(IReadOnlyCollection<WindowedEvent> events)
    {
        if (events.Count == 0 || Contacts.Count == 0)
        {
            return 0;
        }

        var shared = events.Count(e => Contacts.Contains(e.Sequence));
        return (double)shared / Math.Min(events.Count, Contacts.Count);
    }

    public void Attach(KeyState key, double score, IReadOnlyCollection<WindowedEvent> events, bool founding)
    {
        var shared = events.Count(e => Contacts.Contains(e.Sequence));
        var specific = founding || shared >= 0.5 * events.Count;
        if (specific)
        {
            foreach (var e in events)
            {
                Contacts.Add(e.Sequence);
            }
        }

        Keys[key] = (score, specific);
    }
}
