namespace Minwon.Core.IssueAlerting;

/// <summary>Saving and restoring the detector's state (see <see cref="IssueDetectorState"/>).</summary>
public sealed partial class IssueDetector
{
    public IssueDetectorState Save()
    {
        var keyList = keys.Values.ToList();
        var index = keyList.Select((key, i) => (key, i)).ToDictionary(pair => pair.key, pair => pair.i);
        var longest = windowEvents[^1];
        return new IssueDetectorState(
            IssueDetectorState.CurrentVersion,
            firstTicks,
            nowTicks,
            nowSlot,
            nextPruneTicks,
            sequence,
            baselineEvents,
            volume,
            volumeTicks,
            profile?.LandmarkTicks ?? 0,
            [.. profile?.Volume ?? new double[DailyProfile.SlotCount]],
            [.. districtVolume.Select(d => new IssueDetectorState.Weight(d.Count, d.LastTicks))],
            [.. keyList.Select(k => new IssueDetectorState.Key((byte)k.Kind, k.District, k.Label, k.Count, k.LastTicks, k.Slots is null ? null : [.. k.Slots], k.WeekSlots is null ? null : [.. k.WeekSlots], k.Peaks?.Export()))],
            [.. longest.Select(e => new IssueDetectorState.Contact(e.Sequence, e.Time, e.Text, e.Category, e.District, [.. e.Keys.Select(k => index[k])]))],
            [.. windowEvents.Select(queue => queue.Count)],
            [.. tracker.Issues.Select(issue => new IssueDetectorState.Issue(
                issue.Alert, issue.TopCategory, issue.CreatedTicks, issue.LastSignificantTicks, [.. issue.Contacts],
                [.. issue.Keys.Select(pair => new IssueDetectorState.IssueKey(index[pair.Key], pair.Value.Score, pair.Value.Specific))],
                new Dictionary<string, int>(issue.Vocabulary, StringComparer.Ordinal),
                new Dictionary<string, int>(issue.Categories, StringComparer.Ordinal)))],
            [.. duplicates.Entries.Select(e => new IssueDetectorState.Seen(e.Ticks, e.Text, e.District, e.Channel))],
            weekly?.LandmarkTicks ?? 0,
            weekly is null ? null : [.. weekly.Volume]);
    }

    /// <summary>A detector that continues where the saved one stopped. Options and districts must be those it ran with.</summary>
    public static IssueDetector Restore(IssueDetectorState state, IssueDetectorOptions? options = null, IReadOnlyList<string>? districts = null, Func<string?, string?>? resolveDistrict = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Version != IssueDetectorState.CurrentVersion)
        {
            throw new ArgumentException($"Unsupported detector state version {state.Version}.", nameof(state));
        }

        var detector = new IssueDetector(options, districts, resolveDistrict);
        if (state.WindowSizes.Length != detector.windowTicks.Length || state.DistrictVolume.Count != detector.districts.Length)
        {
            throw new ArgumentException("The state was saved with other windows or districts.", nameof(state));
        }

        detector.LoadState(state);
        return detector;
    }

    private void LoadState(IssueDetectorState state)
    {
        (firstTicks, nowTicks, nowSlot, nextPruneTicks, sequence) = (state.FirstTicks, state.NowTicks, state.NowSlot, state.NextPruneTicks, state.Sequence);
        (baselineEvents, volume, volumeTicks) = (state.BaselineEvents, state.Volume, state.VolumeTicks);
        if (firstTicks != long.MinValue)
        {
            profile = new DailyProfile(decayPerTick, state.LandmarkTicks);
            state.SlotVolume.CopyTo(profile.Volume, 0);
            weekly = new DailyProfile(weeklyDecayPerTick, state.WeekSlotVolume is null ? state.NowTicks : state.WeekLandmarkTicks, DailyProfile.WeekSlotCount);
            state.WeekSlotVolume?.CopyTo(weekly.Volume, 0);
            nowWeekSlot = DailyProfile.WeekSlot(new DateTimeOffset(state.NowTicks, TimeSpan.Zero), options.Holidays);
        }

        for (var d = 0; d < districtVolume.Length; d++)
        {
            districtVolume[d].Restore(state.DistrictVolume[d].Count, state.DistrictVolume[d].LastTicks);
        }

        // City-wide keys first, so district keys find their parent.
        var restored = new KeyState[state.Keys.Count];
        foreach (var i in Enumerable.Range(0, state.Keys.Count).OrderBy(i => state.Keys[i].District))
        {
            var saved = state.Keys[i];
            var kind = (KeyKind)saved.Kind;
            var parent = saved.District < 0 ? null : keys.GetValueOrDefault((kind, -1, saved.Label));
            var key = Key(kind, saved.District, saved.Label, parent);
            key.Restore(saved.Count, saved.LastTicks);
            key.Slots = saved.Slots is null ? null : [.. saved.Slots];
            key.WeekSlots = saved.WeekSlots is { Length: DailyProfile.WeekSlotCount } week ? [.. week] : null;
            key.Peaks = saved.Peaks is { Length: > 0 } peaks ? PeakMemory.Import(windowTicks.Length, peaks) : null;
            restored[i] = key;
        }

        var contacts = state.Contacts.Select(c => new WindowedEvent(c.Sequence, c.Time, c.Text, c.Category, c.District, [.. c.Keys.Select(k => restored[k])])).ToList();
        for (var w = 0; w < windowTicks.Length; w++)
        {
            foreach (var contact in contacts.Skip(contacts.Count - state.WindowSizes[w]))
            {
                windowEvents[w].Enqueue(contact);
                windowTotals[w]++;
                foreach (var key in contact.Keys)
                {
                    key.WindowCounts[w]++;
                }
            }
        }

        foreach (var saved in state.Issues)
        {
            var issue = new TrackedIssue(saved.Alert, saved.CreatedTicks) { TopCategory = saved.TopCategory, LastSignificantTicks = saved.LastSignificantTicks };
            if (saved.Vocabulary is not null && saved.Categories is not null)
            {
                issue.Restore(saved.Contacts, saved.Vocabulary, saved.Categories);
            }
            else
            {
                // A state saved before the counts were: relearnt from the contacts still in the window.
                var behind = saved.Contacts.ToHashSet();
                foreach (var contact in contacts.Where(c => behind.Contains(c.Sequence)))
                {
                    issue.Record(contact);
                }

                issue.Contacts.UnionWith(saved.Contacts);
            }

            foreach (var key in saved.Keys)
            {
                issue.Keys[restored[key.Key]] = (key.Score, key.Specific);
            }

            tracker.Restore(issue);
        }

        foreach (var seen in state.Recent)
        {
            duplicates.IsNew((seen.Ticks, seen.Text, seen.District, seen.Channel), seen.Ticks);
        }
    }
}
