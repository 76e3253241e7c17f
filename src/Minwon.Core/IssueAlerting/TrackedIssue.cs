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

    /// <summary>
    /// How many of the issue's contacts used each word (city-wide term keys), over its whole life: an incident whose
    /// wording drifts over the hours (cold, then boilers, then frozen pipes) still shares words with what it was called an
    /// hour before, which is how a new alert is recognised as the same issue (issue 13, session 9). Saved with the issue,
    /// like <see cref="Categories"/>: counted over the same contacts as <see cref="Contacts"/>, also after a restart.
    /// </summary>
    public Dictionary<string, int> Vocabulary { get; } = new(StringComparer.Ordinal);

    /// <summary>Contacts behind the issue per category: a cold wave is filed under safety, then housing, then water.</summary>
    public Dictionary<string, int> Categories { get; } = new(StringComparer.Ordinal);

    /// <summary>Whether at least a tenth of the issue's contacts (and two) are filed under <paramref name="category"/>.</summary>
    public bool Covers(string? category) =>
        category is not null && (category == TopCategory || Categories.GetValueOrDefault(category) is var n && n >= 2 && n >= 0.1 * Contacts.Count);

    /// <summary>Adds a contact to the issue, counting its words and category once.</summary>
    public void Record(WindowedEvent contact)
    {
        if (!Contacts.Add(contact.Sequence))
        {
            return;
        }

        if (contact.Category is { } category)
        {
            Categories[category] = Categories.GetValueOrDefault(category) + 1;
        }

        foreach (var key in contact.Keys)
        {
            if (key.Kind == KeyKind.Term && key.District < 0)
            {
                Vocabulary[key.Label] = Vocabulary.GetValueOrDefault(key.Label) + 1;
            }
        }
    }

    /// <summary>The saved contacts and their counts (see <see cref="IssueDetectorState.Issue"/>).</summary>
    public void Restore(IEnumerable<long> contacts, IReadOnlyDictionary<string, int> vocabulary, IReadOnlyDictionary<string, int> categories)
    {
        Contacts.UnionWith(contacts);
        foreach (var (word, count) in vocabulary)
        {
            Vocabulary[word] = count;
        }

        foreach (var (category, count) in categories)
        {
            Categories[category] = count;
        }
    }

    public void Attach(KeyState key, double score, IReadOnlyCollection<WindowedEvent> events, bool founding)
    {
        var shared = events.Count(e => Contacts.Contains(e.Sequence));
        var specific = founding || shared >= 0.5 * events.Count;
        if (specific)
        {
            foreach (var e in events)
            {
                Record(e);
            }
        }

        Keys[key] = (score, specific);
    }
}
