namespace Minwon.Core.IssueAlerting;

/// <summary>Tuning of <see cref="IssueDetector"/>. The defaults are the ones measured in docs/benchmarks/issues.md.</summary>
public sealed record IssueDetectorOptions
{
    /// <summary>Sliding detection windows: a short one reacts fast to sharp bursts, a long one catches slow small ones.</summary>
    public IReadOnlyList<TimeSpan> Windows { get; init; } = [TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(120)];

    /// <summary>Half-life of the exponentially weighted baseline counts (and of the total volume they are divided by).</summary>
    public TimeSpan BaselineHalfLife { get; init; } = TimeSpan.FromDays(4);

    /// <summary>Weight, in events, of the prior rate a key starts from before it has history of its own.</summary>
    public double PriorStrength { get; init; } = 500;

    /// <summary>
    /// Half-life of the hour-of-the-week profile: long enough that last week's Wednesday-morning routine is still
    /// remembered this Wednesday (issue 13).
    /// </summary>
    public TimeSpan WeeklyHalfLife { get; init; } = TimeSpan.FromDays(28);

    /// <summary>
    /// Expected counts are computed as if at least this share of an average window's contacts were in the window: at
    /// night a cluster of an everyday topic (a dozen noise complaints at 3 a.m.) is ordinary, while a rare word still
    /// stands out against the floor (issue 13).
    /// </summary>
    public double MinExposureShare { get; init; } = 0.5;

    /// <summary>
    /// Share of all contacts from which a term or category is an everyday topic (see <see cref="MinExposureShare"/> and
    /// <see cref="EverydayDistrictMinCount"/>): 0.2 %, so a topic's spelling without spaces counts as everyday too.
    /// </summary>
    public double EverydayShare { get; init; } = 0.002;

    /// <summary>
    /// Fewest contacts in a window for an everyday topic (share of all contacts at least <see cref="EverydayShare"/>)
    /// inside one district: a dozen noise complaints at 3 a.m. or a district's recycling-day grumbles are routine, not
    /// an emerging issue; rare words (가스, 녹물) keep <see cref="MinCount"/> (issue 13).
    /// </summary>
    public int EverydayDistrictMinCount { get; init; } = 25;

    /// <summary>
    /// The district floor (<see cref="EverydayDistrictMinCount"/>) applies only where the baseline expects at least this
    /// many contacts of the topic in the window: a district's routine, not a city-wide word that is rare in that district.
    /// </summary>
    public double EverydayDistrictMinExpected { get; init; } = 0.1;

    /// <summary>
    /// The district floor (<see cref="EverydayDistrictMinCount"/>) applies too where the district's own baseline share of
    /// the topic is at least this fraction of the city's share (and rests on at least
    /// <see cref="EverydayDistrictTypicalMinCount"/> past contacts): at night a small district expects little of anything,
    /// yet a dozen noise complaints there are its routine (issue 13, session 6). Zero-history topics (단수 never seen in
    /// 종로구) stay exempt.
    /// </summary>
    public double EverydayDistrictTypicalRatio { get; init; } = 0.3;

    /// <summary>Fewest past contacts of a topic in a district for <see cref="EverydayDistrictTypicalRatio"/> to judge it.</summary>
    public double EverydayDistrictTypicalMinCount { get; init; } = 3;

    /// <summary>
    /// A term is new to the baseline below this share of all contacts (1e-5: at 20,000 contacts a day, fewer than one a
    /// week in the decayed count). Contacts with <see cref="NewWordingMinTerms"/> such terms also count under their
    /// category's new-wording key (<see cref="KeyKind.NewWording"/>, issue 13, session 6).
    /// </summary>
    public double NewWordingShare { get; init; } = 1e-5;

    /// <summary>
    /// Fewest contacts for a city-wide alert told only in known words (issue 13, session 11): unless a word below
    /// <see cref="KnownWordShare"/> of all contacts is shared by a tenth of its contacts (and two), a would-be
    /// city-wide alert waits for this many. Routines of a longer cycle seen for the first time (Saturday-night noise,
    /// election-morning or holiday questions) are told in everyday words; incidents bring words the city rarely uses.
    /// District alerts keep <see cref="EverydayDistrictMinCount"/> alone. 0 turns it off.
    /// </summary>
    public int EverydayWordingMinCount { get; init; } = 20;

    /// <summary>
    /// Share of all contacts (decayed, outside the detection windows) from which a word is known to the city: 3e-5, about
    /// four a week at Seoul's 20,000 contacts a day (see <see cref="EverydayWordingMinCount"/>).
    /// </summary>
    public double KnownWordShare { get; init; } = 3e-5;

    /// <summary>New terms a contact needs to count as new wording (a new word yields a bigram and its stem).</summary>
    public int NewWordingMinTerms { get; init; } = 2;

    /// <summary>
    /// Share of a key's peak of about a week ago (at this hour, within <see cref="WeeklyRepeatTolerance"/>) that is
    /// expected again: a district's weekly routine is learnt after one week (issue 13, session 6). An incident in the
    /// same place, words and hour as one a week before must exceed this share of it. Peaks are remembered per window
    /// as a share of the window's contacts, so they scale with the day's volume (session 7).
    /// </summary>
    public double WeeklyRepeatShare { get; init; } = 0.8;

    /// <summary>How far from exactly one week after a peak the peak is still expected again.</summary>
    public TimeSpan WeeklyRepeatTolerance { get; init; } = TimeSpan.FromHours(3);

    /// <summary>
    /// Share of a key's usual peak at this hour on recent days (the upper median over the last
    /// <see cref="DailyRepeatDays"/> days, within <see cref="DailyRepeatTolerance"/>) that is expected again (issue 13,
    /// session 7): a city-wide daily routine (a lunchtime rise of park questions, a weekday 9 o'clock tax peak) is
    /// learnt from one day of history instead of a week. The median, not the largest, so one incident yesterday at this
    /// hour does not hide another today once three days are known; a district key also expects its share of the
    /// city-wide key's routine.
    /// </summary>
    public double DailyRepeatShare { get; init; } = 0.8;

    /// <summary>
    /// Fewest contacts in the longest window for an hour to enter a key's peak memory: low, because a routine told in
    /// composed sentences spreads over many words, each with a handful of contacts a day.
    /// </summary>
    public int RoutineMinCount { get; init; } = 3;

    /// <summary>Recent days whose peaks at this hour make the daily routine (days 1..N before; the week before is the weekly rule's).</summary>
    public int DailyRepeatDays { get; init; } = 6;

    /// <summary>How far from the same hour on a recent day a peak still counts for the daily routine.</summary>
    public TimeSpan DailyRepeatTolerance { get; init; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Whether a would-be alert joins an ongoing issue it is related to (issue 13, session 9): a shared telling word, or
    /// (city-wide) one of the issue's categories, so an incident whose wording drifts or that spreads district by
    /// district raises one alert. Off only to measure what it does.
    /// </summary>
    public bool RelateIssues { get; init; } = true;

    /// <summary>
    /// Whether a would-be alert joins an open issue it continues (issue 13, session 13): in the same or a neighbouring
    /// district (or city-wide, or a city-wide alert whose contacts come mostly from the issue's district and its
    /// neighbours), under one of the issue's categories or with a word that overlaps one of its words; in the issue's own
    /// district, any surge while the issue is still growing (significant within <see cref="OpenIssueGrowing"/>). One
    /// alert per incident with a growing count. Off only to measure what it does.
    /// </summary>
    public bool JoinOpenIssues { get; init; } = true;

    /// <summary>How recently an open issue must have been significant for any surge in its own district to join it.</summary>
    public TimeSpan OpenIssueGrowing { get; init; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Days read as Sundays (issue 13, session 9): the weekend's hour-of-day profile, Sunday's hour-of-the-week slots,
    /// and the routine of recent rest days rather than of the weekdays before. Korean public holidays 2024-2030 by
    /// default; an administrator adds days with <c>HolidayCalendar.Korea.With(...)</c> (an election, a temporary
    /// holiday), or passes <see cref="HolidayCalendar.None"/>. A state must be restored with the calendar it ran with.
    /// </summary>
    public HolidayCalendar Holidays { get; init; } = HolidayCalendar.Korea;

    /// <summary>Prior counts pulling a key's hour-of-day factor towards 1.</summary>
    public double SeasonalPriorCount { get; init; } = 10;

    /// <summary>Prior share of contacts mentioning a term never seen before (city-wide).</summary>
    public double UnseenTermRate { get; init; } = 2e-5;

    /// <summary>Extra dispersion beyond Poisson: language and the category mix drift through the day.</summary>
    public double Overdispersion { get; init; } = 0.35;

    /// <summary>Fewest contacts in a window that can make an issue.</summary>
    public int MinCount { get; init; } = 5;

    /// <summary>Upper-tail probability a window count must fall below to be significant.</summary>
    public double MaxTailProbability { get; init; } = 1e-8;

    /// <summary>No alerts until the stream has run this long (the baseline still learns).</summary>
    public TimeSpan WarmUp { get; init; } = TimeSpan.FromHours(24);

    /// <summary>No alerts until this many contacts have entered the baseline.</summary>
    public int WarmUpEvents { get; init; } = 300;

    /// <summary>An issue ends when none of its terms has been significant for this long; until then it never re-alerts.</summary>
    public TimeSpan Cooldown { get; init; } = TimeSpan.FromHours(4);

    /// <summary>Events older than the newest one seen by more than this are reported and skipped.</summary>
    public TimeSpan LatenessTolerance { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Identical events (time, text, district, channel) within this span count once.</summary>
    public TimeSpan DuplicateWindow { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Share of an issue's contacts that must come from one district (category) to name it.</summary>
    public double ConcentrationShare { get; init; } = 0.6;

    /// <summary>Terms shown in an alert.</summary>
    public int MaxTerms { get; init; } = 5;
}
