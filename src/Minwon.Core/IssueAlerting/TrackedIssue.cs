namespace Minwon.Core.IssueAlerting;

/// <summary>
/// An ongoing issue: the keys attached to it (so they update it rather than alert again), the contacts behind it and
/// when one of its keys was last significant. It ends after the cooldown passes without significance.
/// </summary>
internal sealed class TrackedIssue(IssueAlert alert, long createdTicks)
{
    public IssueAlert Alert { get; set; } = alert;

    public long CreatedTicks { get; } = createdTicks;

    /// <summary>The most common category of the issue's contacts, even when too mixed to name in the alert.</summary>
    public string? TopCategory { get; set; }

    public long LastSignificantTicks { get; set; } = createdTicks;

    /// <summary>Sequence numbers of the contacts behind the issue.</summary>
    public HashSet<long> Contacts { get; } = [];

    /// <summary>Attached keys with their best z-score, and whether their contacts are mostly the issue's own.</summary>
    public Dictionary<KeyState, (double Score, bool Specific)> Keys { get; } = [];

    /// <summary>
    /// Share of a key's contacts that are already the issue's. Asymmetric on purpose: a city-wide key that merely
    /// contains this issue's contacts could also hold a second, unrelated burst elsewhere and must not pull it in.
    /// </summary>
    public double ShareInside(IReadOnlyCollection<WindowedEvent> events) =>
        events.Count == 0 ? 0 : (double)events.Count(e => Contacts.Contains(e.Sequence)) / events.Count;

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
