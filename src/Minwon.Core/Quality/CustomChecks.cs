namespace Minwon.Core.Quality;

/// <summary>An administrator's own items: phrases the counsellor must not say, or must say at least once.</summary>
internal sealed class CustomChecks
{
    private readonly Dictionary<string, PhraseMatcher<bool>> matchers = [];
    private readonly List<ScorecardItem> items;

    public CustomChecks(Scorecard card)
    {
        items = [.. card.ActiveItems.Where(i => i.Kind != ItemKind.BuiltIn)];
        foreach (var item in items)
        {
            matchers[item.Id] = new PhraseMatcher<bool>(item.Phrases.Select(p => (p, true)));
        }
    }

    public void Run(ConsultationView view, FindingList findings)
    {
        var found = new List<(bool, int Start, int End)>();
        foreach (var item in items)
        {
            var matcher = matchers[item.Id];
            TurnView? hit = null;
            foreach (var turn in view.Counsellor)
            {
                found.Clear();
                matcher.FindAll(turn.Text, found);
                if (found.Count > 0)
                {
                    hit = turn;
                    break;
                }
            }

            var evidence = hit is not null ? hit.Text.Excerpt(found[0].Start, found[0].End) : null;
            findings.Add(item.Id, item.Kind == ItemKind.Forbidden ? hit is null : hit is not null, hit, evidence);
        }
    }
}
