using Minwon.Core.Reference;

namespace Minwon.Core.IssueAlerting;

/// <summary>
/// Streaming emerging-issue detection over citizen contacts, after SigniTrend (Schubert, Weiler and Kriegel,
/// "SigniTrend: scalable detection of emerging topics in textual streams by hashed significance thresholds",
/// KDD 2014): every term, and every category, is counted city-wide and per district; each key keeps an exponentially
/// weighted count that, divided by the equally weighted total volume, is its expected share of contacts. Comparing
/// shares, not raw counts, is what keeps Monday mornings and lunch peaks quiet: a busy hour raises the exposure, not
/// the share. A window count is significant when its upper tail under the gamma-Poisson posterior predictive (a
/// negative binomial, with extra dispersion) is below <see cref="IssueDetectorOptions.MaxTailProbability"/>; district
/// keys borrow the city-wide share of their term as prior (empirical Bayes), so a term common elsewhere is not news in
/// a small district. Significant keys whose contacts overlap are one issue ("망원동 단수", not five alerts), which then
/// absorbs later significance until its cooldown passes. Not thread-safe: feed it from one consumer.
/// </summary>
public sealed partial class IssueDetector
{
    private const double CategoryPriorRate = 0.02;
    private const long WeekTicks = TimeSpan.TicksPerDay * 7;
    private static readonly double ElevatedLogTail = Math.Log(1e-4);
    private readonly IssueDetectorOptions options;
    private readonly Func<string?, string?> resolveDistrict;
    private readonly Dictionary<string, int> districtIndex;
    private readonly string[] districts;
    private readonly KeyState[] districtVolume;
    private readonly double decayPerTick;
    private readonly long[] windowTicks;
    private readonly Queue<WindowedEvent>[] windowEvents;
    private readonly int[] windowTotals;
    private readonly Dictionary<(KeyKind Kind, int District, string Label), KeyState> keys = [];
    private readonly DuplicateFilter duplicates;
    private readonly IssueTracker tracker;
    private DailyProfile? profile;
    private DailyProfile? weekly;
    private readonly double weeklyDecayPerTick;
    private readonly int peakMemoryHours;
    private int nowWeekSlot;
    private double volume;
    private long volumeTicks;
    private long firstTicks = long.MinValue;
    private long nowTicks = long.MinValue;
    private int nowSlot;
    private TimeSpan nowOffset;
    private int routineDaysHour = int.MinValue;
    private int[] routineDays = [];
    private int routineWeekBack = 7;
    private long nextPruneTicks;
    private long sequence;
    private int baselineEvents;

    public IssueDetector(IssueDetectorOptions? options = null, IReadOnlyList<string>? districts = null, Func<string?, string?>? resolveDistrict = null)
    {
        this.options = options ?? new IssueDetectorOptions();
        this.districts = [.. districts ?? SeoulPlaces.Instance.Districts];
        this.resolveDistrict = resolveDistrict ?? (districts is null ? SeoulPlaces.Instance.Resolve : name => name);
        districtIndex = this.districts.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i);
        districtVolume = [.. this.districts.Select((name, i) => new KeyState(name, KeyKind.DistrictVolume, i, 0, null))];
        decayPerTick = Math.Log(2) / this.options.BaselineHalfLife.Ticks;
        weeklyDecayPerTick = Math.Log(2) / this.options.WeeklyHalfLife.Ticks;
        peakMemoryHours = (int)((WeekTicks + this.options.WeeklyRepeatTolerance.Ticks) / TimeSpan.TicksPerHour) + 1;
        windowTicks = [.. this.options.Windows.Order().Select(w => w.Ticks)];
        windowEvents = [.. windowTicks.Select(_ => new Queue<WindowedEvent>())];
        windowTotals = new int[windowTicks.Length];
        tracker = new IssueTracker(this.options, this.districts);
        duplicates = new DuplicateFilter(this.options.DuplicateWindow);
    }

    /// <summary>What happened to the last event given to <see cref="Observe"/>.</summary>
    public ObserveOutcome LastOutcome { get; private set; }

    /// <summary>Issues still ongoing, with their contact counts updated since they were raised.</summary>
    public IReadOnlyList<IssueAlert> ActiveIssues => tracker.Active;

    /// <summary>Number of distinct keys (term or category, city-wide or per district) held in memory.</summary>
    public int KeyCount => keys.Count;

    public IReadOnlyList<IssueAlert> Observe(ContactEvent contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        var ticks = contact.Time.UtcTicks;
        if (nowTicks != long.MinValue && ticks < nowTicks - options.LatenessTolerance.Ticks)
        {
            LastOutcome = ObserveOutcome.TooLate;
            return [];
        }

        var text = contact.Text ?? "";
        var district = resolveDistrict(contact.District) is { } name && districtIndex.TryGetValue(name, out var index) ? index : -1;
        var id = (ticks, text, district < 0 ? contact.District : districts[district], contact.Channel);
        if (!duplicates.IsNew(id, Math.Max(nowTicks, ticks)))
        {
            LastOutcome = ObserveOutcome.Duplicate;
            return [];
        }

        LastOutcome = ObserveOutcome.Accepted;
        if (firstTicks == long.MinValue)
        {
            firstTicks = ticks;
            profile = new DailyProfile(decayPerTick, ticks);
            weekly = new DailyProfile(weeklyDecayPerTick, ticks, DailyProfile.WeekSlotCount);
            nextPruneTicks = ticks + TimeSpan.TicksPerHour * 6;
        }

        if (ticks >= nowTicks)
        {
            nowTicks = ticks;
            nowSlot = DailyProfile.Slot(contact.Time, options.Holidays);
            nowWeekSlot = DailyProfile.WeekSlot(contact.Time, options.Holidays);
            nowOffset = contact.Time.Offset;
        }

        Evict();
        var category = string.IsNullOrWhiteSpace(contact.Category) ? null : contact.Category.Trim();
        var windowed = new WindowedEvent(++sequence, contact.Time, text, category, district, KeysOf(text, category, district));
        for (var w = 0; w < windowTicks.Length; w++)
        {
            windowEvents[w].Enqueue(windowed);
            windowTotals[w]++;
            foreach (var key in windowed.Keys)
            {
                key.WindowCounts[w]++;
            }
        }

        var hour = Hour(nowTicks);
        foreach (var key in windowed.Keys)
        {
            if (key.WindowCounts[^1] >= options.RoutineMinCount)
            {
                (key.Peaks ??= new PeakMemory(windowTicks.Length)).Note(hour, key.WindowCounts, windowTotals, hour - peakMemoryHours);
            }
        }

        if (nowTicks >= nextPruneTicks)
        {
            Prune();
        }

        tracker.Expire(nowTicks);
        if (nowTicks - firstTicks < options.WarmUp.Ticks || baselineEvents < options.WarmUpEvents)
        {
            return [];
        }

        tracker.KeepAlive(windowed, nowTicks, windowTicks.Length - 1, this);
        return tracker.Consider(Significant(windowed), windowed, nowTicks, windowEvents, this);
    }

    /// <summary>
    /// Rebuilds the state after a restart by observing recent history (the database is the source of truth; a week is
    /// plenty with the 4-day half-life) without raising its alerts; issues already raised stay tracked, so they are not
    /// raised again when live events resume.
    /// </summary>
    public void Warm(IEnumerable<ContactEvent> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        foreach (var contact in history)
        {
            Observe(contact);
        }
    }

    /// <summary>Significance of a key's count in window <paramref name="w"/>: count, expected count and log tail probability.</summary>
    internal (int Count, double Expected, double LogTail) Test(KeyState key, int w)
    {
        var count = key.WindowCounts[w];
        var totalVolume = VolumeAt(nowTicks);
        var exposure = Math.Max(windowTotals[w], options.MinExposureShare * TypicalWindowVolume(totalVolume, w));
        var prior = PriorRate(key, totalVolume);
        var shape = key.CountAt(nowTicks, decayPerTick) + options.PriorStrength * prior;
        var expected = Math.Max(
            exposure * shape / (totalVolume + options.PriorStrength) * SeasonalFactor(key.Parent ?? key, totalVolume),
            exposure * RoutineShare(key, w, totalVolume));
        var size = 1 / (1 / shape + options.Overdispersion * options.Overdispersion);
        var quickZ = (count - expected) / Math.Sqrt(expected + expected * expected / size + 0.25);
        var logTail = quickZ < 2.5 ? 0 : NegativeBinomialTail.LogUpperTail(count, size, expected);
        return (count, expected, logTail);
    }

    /// <summary>
    /// How much more common the key's term or category is in this hour of the day than on average (gamma-Poisson
    /// shrinkage towards 1 with a prior of a few counts, so a slot with little history stays near 1): language follows the
    /// day (commuters at 8, parking at night). Bounded below at 0.8: quiet hours may lower expectations only a little.
    /// </summary>
    private double SeasonalFactor(KeyState cityKey, double totalVolume)
    {
        if (cityKey.Slots is null || profile is null)
        {
            return 1;
        }

        var scale = profile.Scale(nowTicks);
        var overall = (cityKey.CountAt(nowTicks, decayPerTick) + options.PriorStrength * PriorRate(cityKey, totalVolume)) / (totalVolume + options.PriorStrength);
        var observed = cityKey.Slots[nowSlot] * scale;
        var expected = profile.Volume[nowSlot] * scale * overall;
        var daily = Math.Clamp((observed + options.SeasonalPriorCount) / (expected + options.SeasonalPriorCount), 0.8, 5);
        if (cityKey.WeekSlots is null || weekly is null)
        {
            return daily;
        }

        // The hour of the week, shrunk towards the hour-of-day factor: a topic that peaks every Wednesday at 9 is
        // expected to, once a week of history has shown it.
        var weekScale = weekly.Scale(nowTicks);
        var weekObserved = cityKey.WeekSlots[nowWeekSlot] * weekScale;
        var weekExpected = weekly.Volume[nowWeekSlot] * weekScale * overall;
        return Math.Clamp((weekObserved + options.SeasonalPriorCount * daily) / (weekExpected + options.SeasonalPriorCount), 0.8, 8);
    }

    /// <summary>
    /// Seasonal naive expectation (issue 13, sessions 6 and 7), as a share of the window's contacts: the key's usual
    /// peak at this hour on recent days (the upper median of the days 1..<see cref="IssueDetectorOptions.DailyRepeatDays"/>
    /// before, so a daily or weekday routine is learnt from one day and one incident at this hour yesterday is not
    /// routine once three days are known), or its peak about a week ago (a district's recycling day, a market day,
    /// Saturday-night club noise), scaled by <see cref="IssueDetectorOptions.DailyRepeatShare"/> and
    /// <see cref="IssueDetectorOptions.WeeklyRepeatShare"/>. A district key also expects its district's share of the
    /// city-wide key's routine (the 9 o'clock tax questions of a whole city reach every district a little).
    /// </summary>
    private double RoutineShare(KeyState key, int w, double totalVolume)
    {
        var own = RoutineShares(key)?[w] ?? 0;
        if (key.Parent is null || totalVolume <= 0)
        {
            return own;
        }

        var city = RoutineShares(key.Parent)?[w] ?? 0;
        return city == 0 ? own : Math.Max(own, city * districtVolume[key.District].CountAt(nowTicks, decayPerTick) / totalVolume);
    }

    private double[]? RoutineShares(KeyState key)
    {
        if (key.Peaks is null)
        {
            return null;
        }

        var hour = Hour(nowTicks);
        if (key.RoutineHour == hour)
        {
            return key.RoutineShares;
        }

        key.RoutineHour = hour;
        var recent = RoutineDays(hour);
        var days = recent.Length;
        var dailyTolerance = (int)(options.DailyRepeatTolerance.Ticks / TimeSpan.TicksPerHour);
        var weeklyTolerance = (int)(options.WeeklyRepeatTolerance.Ticks / TimeSpan.TicksPerHour);
        var week = 7 * 24;
        Span<double> daily = stackalloc double[Math.Max(days, 1)];
        double[]? shares = null;
        for (var w = 0; w < windowTicks.Length; w++)
        {
            for (var i = 0; i < days; i++)
            {
                var d = recent[i];
                daily[i] = key.Peaks.PeakShare(hour - 24 * d - dailyTolerance, hour - 24 * d + dailyTolerance, w);
            }

            var share = 0.0;
            if (days > 0)
            {
                daily[..days].Sort();
                share = options.DailyRepeatShare * daily[days / 2];
            }

            share = Math.Max(share, options.WeeklyRepeatShare * key.Peaks.PeakShare(hour - week - weeklyTolerance, hour - week + weeklyTolerance, w));
            if (routineWeekBack < 7)
            {
                // A weekday holiday is a Sunday: last Sunday's (or holiday's) peak at this hour is expected again too.
                var back = 24 * routineWeekBack;
                share = Math.Max(share, options.WeeklyRepeatShare * key.Peaks.PeakShare(hour - back - weeklyTolerance, hour - back + weeklyTolerance, w));
            }

            if (share > 0)
            {
                (shares ??= new double[windowTicks.Length])[w] = share;
            }
        }

        key.RoutineShares = shares;
        return shares;
    }

    /// <summary>
    /// The recent days (1..<see cref="IssueDetectorOptions.DailyRepeatDays"/> back) whose routine is expected today (issue
    /// 13, session 9): all but weekday holidays, so a holiday's quiet does not lower the next weekday's routine (all of
    /// them when none is left, and on a holiday itself, which also expects last Sunday's routine: a calendar that is
    /// wrong about a day, or a routine kept on a holiday, then costs no false alert). Also sets how far back "last week" is: for a weekday holiday, the last Sunday or
    /// holiday. Computed once per clock hour.
    /// </summary>
    private int[] RoutineDays(int hour)
    {
        if (routineDaysHour == hour)
        {
            return routineDays;
        }

        routineDaysHour = hour;
        // Whole days since the first hour: fixed within the hour, so a restored detector computes the same.
        var days = Math.Min(options.DailyRepeatDays, (hour - Hour(firstTicks)) / 24);
        var today = new DateTimeOffset(hour * TimeSpan.TicksPerHour, TimeSpan.Zero).ToOffset(nowOffset);
        var holiday = options.Holidays.IsHoliday(DateOnly.FromDateTime(today.DateTime)) && today.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
        var same = Enumerable.Range(1, Math.Max(days, 0))
            .Where(d => holiday || !IsWeekdayHoliday(today.AddDays(-d)))
            .ToArray();
        routineDays = same.Length > 0 ? same : [.. Enumerable.Range(1, Math.Max(days, 0))];
        routineWeekBack = 7;
        if (holiday)
        {
            var sunday = Enumerable.Range(1, Math.Min(7, (hour - Hour(firstTicks)) / 24)).FirstOrDefault(d => options.Holidays.DayType(today.AddDays(-d)) == DayOfWeek.Sunday);
            routineWeekBack = sunday == 0 ? 7 : sunday;
        }

        return routineDays;
    }

    private bool IsWeekdayHoliday(DateTimeOffset day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && options.Holidays.IsHoliday(DateOnly.FromDateTime(day.DateTime));

    private static int Hour(long ticks) => (int)(ticks / TimeSpan.TicksPerHour);

    /// <summary>Contacts in an average window of length <paramref name="w"/>: the decayed volume's rate, corrected for a short history.</summary>
    private double TypicalWindowVolume(double totalVolume, int w)
    {
        var history = Math.Max(1, nowTicks - firstTicks) * decayPerTick;
        return totalVolume * decayPerTick / (1 - Math.Exp(-history)) * windowTicks[w];
    }

    private double PriorRate(KeyState key, double totalVolume)
    {
        if (key.Parent is null)
        {
            return key.Kind == KeyKind.Term ? options.UnseenTermRate : CategoryPriorRate;
        }

        var parentVolume = totalVolume + options.PriorStrength;
        var parentRate = (key.Parent.CountAt(nowTicks, decayPerTick) + options.PriorStrength * PriorRate(key.Parent, totalVolume)) / parentVolume;
        var share = (districtVolume[key.District].CountAt(nowTicks, decayPerTick) + options.PriorStrength / districts.Length) / parentVolume;
        return parentRate * share;
    }

    private List<(KeyState Key, int Window, int Count, double Expected, double LogTail)> Significant(WindowedEvent windowed)
    {
        var found = new List<(KeyState, int, int, double, double)>();
        var threshold = Math.Log(options.MaxTailProbability);
        var totalVolume = VolumeAt(nowTicks);
        foreach (var key in windowed.Keys)
        {
            for (var w = 0; w < windowTicks.Length; w++)
            {
                if (key.WindowCounts[w] < options.MinCount)
                {
                    continue;
                }

                var (count, expected, logTail) = Test(key, w);
                if (count < MinCount(key, w, totalVolume, expected))
                {
                    continue;
                }

                if (logTail <= threshold)
                {
                    found.Add((key, w, count, expected, logTail));
                    break;
                }
            }
        }

        found.Sort((a, b) => a.Item5.CompareTo(b.Item5));
        return found;
    }

    /// <summary>
    /// The fewest contacts that can make an issue. An everyday topic (term or category) in one district needs
    /// <see cref="IssueDetectorOptions.EverydayDistrictMinCount"/> of them (a dozen noise complaints at 3 a.m., a
    /// district's recycling-day grumbles), and in a quiet hour more, in proportion to the square root of how quiet the
    /// hour is; rare words (가스, 단수) keep <see cref="IssueDetectorOptions.MinCount"/> at any hour, and the district floor
    /// applies only where the baseline expects at least <see cref="IssueDetectorOptions.EverydayDistrictMinExpected"/> in
    /// the window (issue 13).
    /// </summary>
    private int MinCount(KeyState key, int w, double totalVolume, double expected)
    {
        // Everyday is judged on the baseline without the longest window, so an incident's own burst never makes its
        // rare word (단수 at a water-main break) look everyday and raise the bar it has to clear.
        var longest = windowTicks.Length - 1;
        var baselineVolume = totalVolume - windowTotals[longest];
        if (key.Parent is null || baselineVolume <= 0
            || (key.Parent.CountAt(nowTicks, decayPerTick) - key.Parent.WindowCounts[longest]) / baselineVolume < options.EverydayShare)
        {
            return options.MinCount;
        }

        var floor = options.MinExposureShare * TypicalWindowVolume(totalVolume, w);
        var quiet = floor / Math.Max(1, windowTotals[w]);
        var night = quiet <= 1 ? options.MinCount : (int)Math.Ceiling(options.MinCount * Math.Sqrt(quiet));
        // The district floor is for topics this district routinely has: its baseline expects some in the window, or the
        // district's own share of the topic is typical of the city's (a small district at night expects little of
        // anything, yet its noise complaints are its routine). A topic that is everyday in the city but rare here (단수
        // in one district) keeps the night rule alone.
        return expected >= options.EverydayDistrictMinExpected || TypicalHere(key, totalVolume)
            ? Math.Max(night, options.EverydayDistrictMinCount)
            : night;
    }

    /// <summary>Whether a word is new to the baseline (see <see cref="IssueDetectorOptions.NewWordingShare"/>).</summary>
    internal bool IsNewWord(string term) =>
        !keys.TryGetValue((KeyKind.Term, -1, term), out var key) || key.CountAt(nowTicks, decayPerTick) < options.NewWordingShare * VolumeAt(nowTicks);

    /// <summary>
    /// Whether a city-wide term is one the city rarely uses (issue 13, session 11): its decayed count (contacts that have
    /// left the detection windows) is below <see cref="IssueDetectorOptions.KnownWordShare"/> of all contacts.
    /// </summary>
    internal bool IsRareWord(KeyState cityTerm) =>
        cityTerm.CountAt(nowTicks, decayPerTick) < options.KnownWordShare * VolumeAt(nowTicks);

    /// <summary>
    /// Whether a word is clearly above its usual rate city-wide in the longest window (tail probability below 1e-4): the
    /// words an incident makes unusual, never grammar ("와요", "너무") that every contact shares.
    /// </summary>
    internal bool IsElevatedWord(string term) =>
        keys.TryGetValue((KeyKind.Term, -1, term), out var key) && Test(key, windowTicks.Length - 1).LogTail <= ElevatedLogTail;

    /// <summary>
    /// Whether a district key's own baseline share of its district's contacts is at least
    /// <see cref="IssueDetectorOptions.EverydayDistrictTypicalRatio"/> of the city-wide key's share (both without the
    /// detection windows): the topic is as ordinary in this district as in the city.
    /// </summary>
    private bool TypicalHere(KeyState key, double totalVolume)
    {
        var own = key.CountAt(nowTicks, decayPerTick);
        var districtContacts = districtVolume[key.District].CountAt(nowTicks, decayPerTick);
        if (own < options.EverydayDistrictTypicalMinCount || districtContacts <= 0 || totalVolume <= 0)
        {
            return false;
        }

        var cityShare = key.Parent!.CountAt(nowTicks, decayPerTick) / totalVolume;
        return own / districtContacts >= options.EverydayDistrictTypicalRatio * cityShare;
    }

    private KeyState[] KeysOf(string text, string? category, int district)
    {
        var terms = IssueTermExtractor.Extract(text);
        var result = new List<KeyState>(terms.Count * 2 + 4);
        var learnt = nowTicks - firstTicks >= options.WarmUp.Ticks;
        var rareBelow = options.NewWordingShare * VolumeAt(nowTicks);
        var newTerms = 0;
        foreach (var term in terms)
        {
            var city = Key(KeyKind.Term, -1, term, null);
            if (learnt && city.CountAt(nowTicks, decayPerTick) < rareBelow)
            {
                newTerms++;
            }

            result.Add(city);
            if (district >= 0)
            {
                result.Add(Key(KeyKind.Term, district, term, city));
            }
        }

        if (category is not null)
        {
            var city = Key(KeyKind.Category, -1, category, null);
            result.Add(city);
            if (district >= 0)
            {
                result.Add(Key(KeyKind.Category, district, category, city));
            }

            // New wording in a category: weather and city-wide incidents arrive in many words, each too rare on its own
            // to be significant in its first hour, but all new to the baseline (words are known once they leave the
            // longest window, so an incident's own words stay new while it grows).
            if (newTerms >= options.NewWordingMinTerms)
            {
                var cityNew = Key(KeyKind.NewWording, -1, category, null);
                result.Add(cityNew);
                if (district >= 0)
                {
                    result.Add(Key(KeyKind.NewWording, district, category, cityNew));
                }
            }
        }

        return [.. result];
    }

    private KeyState Key(KeyKind kind, int district, string label, KeyState? parent)
    {
        if (!keys.TryGetValue((kind, district, label), out var key))
        {
            key = new KeyState(label, kind, district, windowTicks.Length, parent);
            keys[(kind, district, label)] = key;
        }

        return key;
    }

    private void Evict()
    {
        var last = windowTicks.Length - 1;
        for (var w = 0; w <= last; w++)
        {
            var queue = windowEvents[w];
            while (queue.Count > 0 && queue.Peek().Time.UtcTicks <= nowTicks - windowTicks[w])
            {
                var old = queue.Dequeue();
                windowTotals[w]--;
                var slot = DailyProfile.Slot(old.Time, options.Holidays);
                var weekSlot = DailyProfile.WeekSlot(old.Time, options.Holidays);
                foreach (var key in old.Keys)
                {
                    key.WindowCounts[w]--;
                    if (w == last)
                    {
                        key.Add(nowTicks, decayPerTick);
                        if (key.Parent is null)
                        {
                            profile!.Add(key.Slots ??= new double[DailyProfile.SlotCount], slot, old.Time.UtcTicks);
                            weekly!.Add(key.WeekSlots ??= new double[DailyProfile.WeekSlotCount], weekSlot, old.Time.UtcTicks);
                        }
                    }
                }

                if (w == last)
                {
                    // Contacts join the baseline only once they leave the longest window, so a burst is never
                    // compared with a baseline that already contains it.
                    volume = VolumeAt(nowTicks) + 1;
                    volumeTicks = nowTicks;
                    baselineEvents++;
                    profile!.Add(profile.Volume, slot, old.Time.UtcTicks);
                    weekly!.Add(weekly.Volume, weekSlot, old.Time.UtcTicks);
                    if (old.District >= 0)
                    {
                        districtVolume[old.District].Add(nowTicks, decayPerTick);
                    }
                }
            }
        }
    }

    private double VolumeAt(long ticks) => volume * Math.Exp(-(ticks - volumeTicks) * decayPerTick);

    /// <summary>Drops keys that are out of every window and whose weight has decayed to nothing: memory stays bounded by the vocabulary of the last days.</summary>
    private void Prune()
    {
        nextPruneTicks = nowTicks + TimeSpan.TicksPerHour * 6;
        var stale = keys.Where(pair => pair.Value.IsIdle && pair.Value.CountAt(nowTicks, decayPerTick) < 0.05 && !tracker.Holds(pair.Value))
            .Select(pair => pair.Key).ToList();
        foreach (var id in stale)
        {
            keys.Remove(id);
        }

        profile?.RebaseIfNeeded(nowTicks, keys.Values.Select(key => key.Slots).OfType<double[]>());
        weekly?.RebaseIfNeeded(nowTicks, keys.Values.Select(key => key.WeekSlots).OfType<double[]>());
    }
}
