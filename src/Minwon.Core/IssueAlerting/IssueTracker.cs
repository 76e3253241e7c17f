namespace Minwon.Core.IssueAlerting;

/// <summary>
/// Groups significant keys into issues and keeps them until their cooldown passes, so one ongoing issue raises one
/// alert. A newly significant key joins an active issue when most of its contacts are the issue's, when it shares the
/// issue's district and category, or when it shares a word with it; otherwise it founds a new issue, which at once
/// gathers the other significant keys of its contacts and must show in at least two of them (the terms of the alert).
/// </summary>
internal sealed class IssueTracker(IssueDetectorOptions options, string[] districts)
{
    private const double JoinOverlap = 0.5;
    private const double CategoryShare = 0.5;
    private const double CoTermShare = 0.3;

    /// <summary>Share of a would-be alert's contacts, and of an ongoing issue's, that must use a word for it to relate them.</summary>
    private const double RelatedWordShare = 0.2;
    private const double RelatedIssueWordShare = 0.05;

    /// <summary>Two city-wide surges of one category that start this close together are one incident told two ways.</summary>
    private const long RelatedOnsetTicks = TimeSpan.TicksPerHour;

    /// <summary>
    /// An issue found on its new wording is told in many words: a word in a tenth of its contacts describes it (issue 13,
    /// session 6), where other issues ask a fifth.
    /// </summary>
    private const double NewWordingTermShare = 0.1;

    /// <summary>Share of a would-be alert's contacts that must share a rare word for it to skip the everyday-wording floor.</summary>
    private const double RareWordingShare = 0.1;
    private static readonly double StrongCategoryLogTail = Math.Log(1e-11);
    private static readonly double DescriptiveLogTail = Math.Log(1e-4);
    private static readonly double KeepAliveLogTail = Math.Log(1e-5);
    private readonly List<TrackedIssue> issues = [];
    private readonly Dictionary<KeyState, TrackedIssue> byKey = [];

    public IReadOnlyList<IssueAlert> Active => [.. issues.Select(issue => issue.Alert with { Count = issue.Contacts.Count })];

    public bool Holds(KeyState key) => byKey.ContainsKey(key);

    public IReadOnlyList<TrackedIssue> Issues => issues;

    public void Restore(TrackedIssue issue)
    {
        issues.Add(issue);
        foreach (var key in issue.Keys.Keys)
        {
            byKey[key] = issue;
        }
    }

    public void Expire(long nowTicks)
    {
        for (var i = issues.Count - 1; i >= 0; i--)
        {
            var issue = issues[i];
            if (nowTicks - issue.LastSignificantTicks > options.Cooldown.Ticks)
            {
                foreach (var key in issue.Keys.Keys)
                {
                    byKey.Remove(key);
                }

                issues.RemoveAt(i);
            }
        }
    }

    /// <summary>
    /// Hysteresis: an issue stays alive while its keys remain clearly above their usual rate, even below the counts
    /// that raise an issue, so a strike that thins out overnight is not raised again in the morning.
    /// </summary>
    public void KeepAlive(WindowedEvent current, long nowTicks, int longest, IssueDetector detector)
    {
        if (byKey.Count == 0)
        {
            return;
        }

        foreach (var key in current.Keys)
        {
            if (byKey.TryGetValue(key, out var issue) && issue.LastSignificantTicks < nowTicks && key.WindowCounts[longest] >= 3
                && detector.Test(key, longest).LogTail <= KeepAliveLogTail)
            {
                issue.LastSignificantTicks = nowTicks;
                if (issue.Keys[key].Specific && (issue.Alert.District is null || current.District >= 0 && districts[current.District] == issue.Alert.District))
                {
                    // Its words, as they drift, are what a later alert in other words is recognised by.
                    issue.Record(current);
                }
            }
        }
    }

    public IReadOnlyList<IssueAlert> Consider(
        List<(KeyState Key, int Window, int Count, double Expected, double LogTail)> significant,
        WindowedEvent current,
        long nowTicks,
        Queue<WindowedEvent>[] windows,
        IssueDetector detector)
    {
        List<IssueAlert>? alerts = null;
        foreach (var (key, window, count, expected, logTail) in significant)
        {
            var score = NegativeBinomialTail.ZFromLogTail(logTail);
            if (byKey.TryGetValue(key, out var ongoing))
            {
                ongoing.LastSignificantTicks = nowTicks;
                if (ongoing.Keys[key].Specific && (ongoing.Alert.District is null || current.District >= 0 && districts[current.District] == ongoing.Alert.District))
                {
                    ongoing.Record(current);
                }

                continue;
            }

            var contacts = ContactsOf(key, windows[window]);
            var joined = issues.Select(issue => (issue, inside: issue.ShareInside(contacts)))
                .Where(pair => pair.inside >= JoinOverlap)
                .OrderByDescending(pair => pair.inside)
                .Select(pair => pair.issue)
                .FirstOrDefault() ?? issues.FirstOrDefault(issue => SamePlaceAndTopic(issue, key, contacts));
            if (joined is not null)
            {
                joined.Attach(key, score, contacts, founding: false);
                joined.LastSignificantTicks = nowTicks;
                byKey[key] = joined;
                continue;
            }

            var issue = new TrackedIssue(null!, nowTicks);
            issue.Attach(key, score, contacts, founding: true);
            GatherCoTerms(issue, key, contacts, windows[window], window, detector);
            var strongCategory = IsCategoryLike(key) && logTail <= StrongCategoryLogTail;
            if (issue.Keys.Keys.Where(k => k.Kind != KeyKind.NewWording).Select(k => k.Label).Distinct().Count() < 2 && !strongCategory)
            {
                // One odd word (a typo, a new spelling) is not an issue; an incident shows in several words or in its
                // category too. A category surge alone is enough when it is far stronger, since a category count
                // already sums many wordings. The key is tested again with its next contact.
                continue;
            }

            var alert = AlertFor(issue, key, current.Time, count, expected, score, windows[window], window, detector);
            if (key.Kind == KeyKind.NewWording)
            {
                // Found on new wording: alerted once two words name it and at least one of them is new ("침수"); the
                // known words its contacts share stay in the label ("단수" beside "사직동" at a water-main break).
                // Until then the next contact tests it again.
                if (alert.Terms.Count < 2 || !alert.Terms.Any(detector.IsNewWord))
                {
                    continue;
                }
            }

            if (alert.Terms.Count == 0 && alert.District is null)
            {
                // New wording, or a city-wide surge, with no word yet shared by enough of its contacts to name it: an
                // alert a supervisor could not read. Tested again with the next contact (issue 13, session 6).
                continue;
            }

            // Its contacts in the window: read by the everyday-wording floor and by the relation to other issues below,
            // gathered only when one of them asks (a held candidate is tested again with each contact of its key).
            List<WindowedEvent>? held = null;
            if (alert.District is null && alert.Count < options.EverydayWordingMinCount
                && !HasRareWording(held = Members(issue, windows[window]), detector))
            {
                // City-wide and told only in words the city uses every week (소리, 음악, 투표, 공휴일): a routine of a
                // longer cycle seen for the first time (Saturday-night noise, election or holiday questions) far more
                // often than an incident, which brings words the city rarely uses (가스, 흙탕물, 열차 중단). It needs
                // more contacts; the next contact tests it again (issue 13, session 11). District alerts keep the
                // district floor alone: holding them too lost small local incidents told in everyday words.
                continue;
            }

            // The same words in the same place as an ongoing issue: it is that issue, seen through another key (the
            // contacts of a flood filed under another category), not a second one. City-wide and district issues meet
            // either way: weather that spreads is first seen in one district and then city-wide (issue 13, session 7).
            var same = issues.FirstOrDefault(other => (other.Alert.District is null || alert.District is null || other.Alert.District == alert.District)
                && other.Alert.Terms.Any(term => alert.Terms.Contains(term)));
            if (same is not null)
            {
                foreach (var (attached, (keyScore, _)) in issue.Keys)
                {
                    same.Attach(attached, keyScore, ContactsOf(attached, windows[window]), founding: false);
                    byKey[attached] = same;
                }

                Spread(same, alert);
                same.LastSignificantTicks = nowTicks;
                continue;
            }

            // The same incident in other words: its wording drifted (cold, then boilers, then frozen pipes) or another
            // district reported it first. It joins whole, keys and contacts, so the issue keeps following it.
            var members = held ?? Members(issue, windows[window]);
            var related = options.RelateIssues ? issues.FirstOrDefault(other => Related(other, alert, issue, members, detector)) : null;
            if (related is not null)
            {
                JoinWhole(related, issue, members, alert, nowTicks);
                continue;
            }

            // An open issue seen again in another aspect: the same or the next district, under one of its categories or
            // in words that overlap its own, or any surge in its own district while it still grows (the traffic lights
            // a lightning strike put out, the water tankers of a main break, flooded roads the morning after a
            // downpour). It joins whole and the issue's count grows; a city-wide alert makes a district issue
            // city-wide (issue 13, session 13).
            var open = options.JoinOpenIssues ? issues.FirstOrDefault(other => Continues(other, alert, issue, members, nowTicks)) : null;
            if (open is not null)
            {
                JoinWhole(open, issue, members, alert, nowTicks);
                continue;
            }

            foreach (var attached in issue.Keys.Keys)
            {
                byKey[attached] = issue;
            }

            issue.Alert = alert;
            issues.Add(issue);
            (alerts ??= []).Add(issue.Alert);
        }

        return alerts ?? (IReadOnlyList<IssueAlert>)[];
    }

    /// <summary>
    /// Citizens describe one incident in many words that never share a contact ("물이 안나와요", "단수됐어요"), so a key
    /// also joins an issue when its contacts come from the issue's district (any, for a city-wide issue) and are about
    /// the issue's category (a city-wide key joins by its largest district). Two unrelated bursts of one category in one district within the cooldown become one issue;
    /// that is the price of not alerting five times.
    /// </summary>
    private bool SamePlaceAndTopic(TrackedIssue issue, KeyState key, List<WindowedEvent> contacts)
    {
        var district = key.District >= 0 ? districts[key.District] : Concentrated(contacts.Select(e => e.District >= 0 ? districts[e.District] : null), 0);
        if (issue.Alert.District is not null && district != issue.Alert.District)
        {
            return false;
        }

        var category = IsCategoryLike(key) ? key.Label : Concentrated(contacts.Select(e => e.Category), 0);
        return issue.Covers(category) || SharesTerm(issue, key);
    }

    /// <summary>
    /// Whether a would-be alert is an ongoing issue seen again (issue 13, session 9). A telling word is the head of a word
    /// (the word stripped of its ending, or its first two syllables) that at least
    /// a fifth (and two) of the new contacts use and that the issue's contacts used over its life (a twentieth of them,
    /// and one), and that is clearly above its usual rate in the city now (grammar such as "와요" never is). Where the places meet (either
    /// is city-wide, or the same district) a telling word joins them; a district alert under one of a city-wide issue's
    /// categories joins it, as does a second city-wide surge of its category within an hour of its start. Two different
    /// districts join only with a telling word and a shared category (weather spreading district by district): two
    /// unrelated incidents of one kind in two districts stay two issues, while two outages told in the same words at the
    /// same time become one (the price of one alert per spreading incident).
    /// </summary>
    private bool Related(TrackedIssue other, IssueAlert alert, TrackedIssue candidate, List<WindowedEvent> members, IssueDetector detector)
    {
        if (members.Count == 0)
        {
            return false;
        }

        var otherContacts = Math.Max(1, other.Contacts.Count);
        // Word heads only (a stripped word, or a word's first two syllables): the endings Korean puts last ("와요" of
        // 안나와요 and 올라와요) are shared by unrelated incidents and rise with any of them.
        var tally = new Dictionary<string, int>();
        var heads = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in members)
        {
            heads.Clear();
            foreach (var token in IssueTermExtractor.Tokens(member.Text))
            {
                if (token.Length >= 2)
                {
                    heads.Add(token[..2]);
                    heads.Add(IssueTermExtractor.Stem(token));
                }
            }

            foreach (var head in heads)
            {
                tally[head] = tally.GetValueOrDefault(head) + 1;
            }
        }

        var needed = Math.Max(2, RelatedWordShare * members.Count);
        var word = tally.Any(pair => pair.Value >= needed
            && other.Vocabulary.GetValueOrDefault(pair.Key) is var inOther && inOther >= Math.Max(1, RelatedIssueWordShare * otherContacts)
            && detector.IsElevatedWord(pair.Key));
        var category = other.Covers(alert.Category ?? candidate.TopCategory) || (alert.Category ?? candidate.TopCategory) == other.Alert.Category;
        if (other.Alert.District is not null && alert.District is not null && other.Alert.District != alert.District)
        {
            // Weather that spreads district by district: the next district reports it in the issue's words and under
            // one of its categories. Two unrelated local incidents rarely share both at the same time.
            return word && category;
        }

        return word || (category && other.Alert.District is null
            && (alert.District is not null || alert.DetectedAt.UtcTicks - other.CreatedTicks <= RelatedOnsetTicks));
    }

    /// <summary>
    /// Whether a would-be alert continues an open issue (issue 13, session 13). Places: the same or neighbouring districts
    /// (<see cref="DistrictNeighbours"/>), a city-wide issue and any alert, or a city-wide alert whose contacts come at
    /// least half from the issue's district and its neighbours (a district issue spreading over the city). Topic: the
    /// alert's category (or its contacts' most common one) is one of the issue's (not for a neighbouring district), or one
    /// of its words overlaps a word of the issue's label or one a twentieth of the issue's contacts used (우단털파리 and
    /// 파리); in the issue's own district
    /// no topic is asked while the issue was significant within <see cref="IssueDetectorOptions.OpenIssueGrowing"/>.
    /// Decided: two incidents in one district within the hour of the first one's last surge are one issue, and so are
    /// two in neighbouring districts told with an overlapping word; the supervisor sees every contact in the issue.
    /// </summary>
    private bool Continues(TrackedIssue other, IssueAlert alert, TrackedIssue candidate, List<WindowedEvent> members, long nowTicks)
    {
        var home = other.Alert.District;
        var byCategory = true;
        if (home is not null && alert.District is not null)
        {
            if (!DistrictNeighbours.SameOrNext(home, alert.District))
            {
                return false;
            }

            if (home == alert.District && nowTicks - other.LastSignificantTicks <= options.OpenIssueGrowing.Ticks)
            {
                return true;
            }

            // The next district needs a shared word: a category alone joined a snowy road in 양천구 to the sinkhole
            // in 구로구 six hours before (the snow's own contacts kept the sinkhole's category key alive).
            byCategory = home == alert.District;
        }
        else if (home is not null)
        {
            var near = members.Count(m => m.District >= 0 && DistrictNeighbours.SameOrNext(home, districts[m.District]));
            if (members.Count == 0 || near < 0.5 * members.Count)
            {
                return false;
            }
        }

        var category = alert.Category ?? candidate.TopCategory;
        if (byCategory && category is not null && (other.Covers(category) || category == other.Alert.Category))
        {
            return true;
        }

        var usual = Math.Max(2, RelatedIssueWordShare * other.Contacts.Count);
        return alert.Terms.Any(term => other.Alert.Terms.Any(word => Overlaps(term, word))
            || other.Vocabulary.Any(pair => pair.Value >= usual && Overlaps(term, pair.Key)));
    }

    /// <summary>
    /// A would-be alert that is an ongoing issue seen again (<see cref="Related"/>, <see cref="Continues"/>) joins it whole:
    /// its keys, now held by the issue, and its contacts, so the issue keeps following the incident. The candidate's keys
    /// are held by no issue yet (its founder and <see cref="GatherCoTerms"/> skip held keys), so none replaces one of the
    /// issue's.
    /// </summary>
    private void JoinWhole(TrackedIssue into, TrackedIssue candidate, List<WindowedEvent> members, IssueAlert alert, long nowTicks)
    {
        foreach (var (attached, value) in candidate.Keys)
        {
            into.Keys[attached] = value;
            byKey[attached] = into;
        }

        foreach (var member in members)
        {
            into.Record(member);
        }

        Spread(into, alert);
        into.LastSignificantTicks = nowTicks;
    }

    /// <summary>
    /// A city-wide alert joining a district issue: the incident has spread over the city, and the issue is city-wide from
    /// now on (its label and <see cref="Active"/> lose the district; its contacts are counted from every district).
    /// </summary>
    private static void Spread(TrackedIssue issue, IssueAlert alert)
    {
        if (alert.District is null && issue.Alert.District is not null)
        {
            issue.Alert = issue.Alert with { District = null };
        }
    }

    /// <summary>Whether one word holds the other (at least two letters each): 우단털파리 and 파리, 단수 and 단수됐어요.</summary>
    private static bool Overlaps(string a, string b) =>
        a.Length >= 2 && b.Length >= 2 && (a.Contains(b, StringComparison.Ordinal) || b.Contains(a, StringComparison.Ordinal));

    /// <summary>
    /// Whether a word the city rarely uses (<see cref="IssueDetector.IsRareWord"/>) is shared by at least
    /// <see cref="RareWordingShare"/> of a would-be alert's contacts (and two): the mark of an incident (가스, 흙탕물; an
    /// incident told in many new words repeats each of them a little), where a routine of a longer cycle is told in
    /// everyday words and its rare words are one-off spellings (glued words, typos) (issue 13, session 11).
    /// </summary>
    private static bool HasRareWording(List<WindowedEvent> members, IssueDetector detector)
    {
        var needed = Math.Max(2, RareWordingShare * members.Count);
        var tally = new Dictionary<KeyState, int>();
        foreach (var member in members)
        {
            foreach (var key in member.Keys)
            {
                if (key.Kind == KeyKind.Term && key.District < 0 && detector.IsRareWord(key))
                {
                    var n = tally[key] = tally.GetValueOrDefault(key) + 1;
                    if (n >= needed)
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static List<WindowedEvent> Members(TrackedIssue issue, Queue<WindowedEvent> window) =>
        window.Where(e => issue.Contacts.Contains(e.Sequence)).ToList();

    /// <summary>"시내버스" and "파업하면" belong with an issue that already holds "버스" and "버스파업".</summary>
    private static bool SharesTerm(TrackedIssue issue, KeyState key) =>
        key.Kind == KeyKind.Term && issue.Keys.Keys.Any(other => other.Kind == KeyKind.Term && other.Label.Length >= 2 &&
            (other.Label.Contains(key.Label, StringComparison.Ordinal) || key.Label.Contains(other.Label, StringComparison.Ordinal)));

    private static List<WindowedEvent> ContactsOf(KeyState key, Queue<WindowedEvent> window) =>
        [.. window.Where(e => Array.IndexOf(e.Keys, key) >= 0)];

    /// <summary>Other keys of the same scope that most of the founding contacts share and that are significant too.</summary>
    private void GatherCoTerms(TrackedIssue issue, KeyState founder, List<WindowedEvent> contacts, Queue<WindowedEvent> window, int w, IssueDetector detector)
    {
        var tally = new Dictionary<KeyState, int>();
        foreach (var contact in contacts)
        {
            foreach (var key in contact.Keys)
            {
                if (key != founder && key.District == founder.District && !byKey.ContainsKey(key))
                {
                    tally[key] = tally.GetValueOrDefault(key) + 1;
                }
            }
        }

        var needed = Math.Max(options.MinCount - 1, CoTermShare * contacts.Count);
        var loose = Math.Log(Math.Sqrt(options.MaxTailProbability));
        foreach (var (key, shared) in tally.Where(pair => pair.Value >= needed).OrderByDescending(pair => pair.Value).Take(40))
        {
            var (_, _, logTail) = detector.Test(key, w);
            if (logTail <= loose)
            {
                issue.Attach(key, NegativeBinomialTail.ZFromLogTail(logTail), ContactsOf(key, window), founding: false);
            }
        }
    }

    private IssueAlert AlertFor(TrackedIssue issue, KeyState founder, DateTimeOffset at, int count, double expected, double score, Queue<WindowedEvent> window, int w, IssueDetector detector)
    {
        var members = window.Where(e => issue.Contacts.Contains(e.Sequence)).ToList();
        var district = founder.District >= 0 ? districts[founder.District] : Concentrated(members.Select(e => e.District >= 0 ? districts[e.District] : null), options.ConcentrationShare);
        var category = IsCategoryLike(founder) ? founder.Label : Concentrated(members.Select(e => e.Category), CategoryShare);
        issue.TopCategory = IsCategoryLike(founder) ? founder.Label : Concentrated(members.Select(e => e.Category), 0);
        // Most widely shared first: a word in every second contact says more than a striking one in two.
        var labels = issue.Keys.Where(pair => pair.Key.Kind == KeyKind.Term && pair.Value.Specific)
            .Select(pair => (pair.Key.Label, pair.Value.Score))
            .Concat(DescriptiveTerms(founder, members, w, detector, TermShare(issue)))
            .Select(pair => (pair.Label, pair.Score, Support: members.Count(m => Array.Exists(m.Keys, k => k.Kind == KeyKind.Term && k.Label == pair.Label))))
            .OrderByDescending(pair => pair.Support)
            .ThenByDescending(pair => pair.Score)
            .Select(pair => pair.Label)
            .Distinct()
            .ToList();
        var terms = IssueTermDisplay.Compose(labels, members.Select(e => e.Text).ToList(), options.MaxTerms, TermShare(issue));
        return new IssueAlert(at, terms, category, district, Math.Max(count, members.Count), Math.Round(expected, 3), Math.Round(score, 2));
    }

    /// <summary>
    /// Words too sparse to make the issue but telling about it ("단수" in three of eight "물이 안나와요" contacts): shared
    /// by a fifth of the contacts and clearly above their usual rate. For the alert's terms only.
    /// </summary>
    private IEnumerable<(string Label, double Score)> DescriptiveTerms(KeyState founder, List<WindowedEvent> members, int w, IssueDetector detector, double share)
    {
        var tally = new Dictionary<KeyState, int>();
        foreach (var member in members)
        {
            foreach (var key in member.Keys)
            {
                if (key.Kind == KeyKind.Term && key.District == founder.District)
                {
                    tally[key] = tally.GetValueOrDefault(key) + 1;
                }
            }
        }

        var needed = Math.Max(2, share * members.Count);
        foreach (var (key, _) in tally.Where(pair => pair.Value >= needed).OrderByDescending(pair => pair.Value).Take(60))
        {
            var (_, _, logTail) = detector.Test(key, w);
            if (logTail <= DescriptiveLogTail)
            {
                yield return (key.Label, NegativeBinomialTail.ZFromLogTail(logTail));
            }
        }
    }

    /// <summary>Share of an issue's contacts a word needs to describe it: lower when the issue holds new wording.</summary>
    private static double TermShare(TrackedIssue issue) => issue.Keys.Keys.Any(k => k.Kind == KeyKind.NewWording) ? NewWordingTermShare : 0.2;

    /// <summary>Category keys and new-wording keys (labelled by their category) name a topic, not a word.</summary>
    private static bool IsCategoryLike(KeyState key) => key.Kind is KeyKind.Category or KeyKind.NewWording;

    private static string? Concentrated(IEnumerable<string?> values, double share)
    {
        var list = values.ToList();
        var top = list.Where(v => v is not null).GroupBy(v => v).OrderByDescending(g => g.Count()).FirstOrDefault();
        return top is not null && top.Count() >= share * list.Count ? top.Key : null;
    }
}
