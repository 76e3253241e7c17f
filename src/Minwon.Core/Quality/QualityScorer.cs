namespace Minwon.Core.Quality;

/// <summary>
/// Scores a finished consultation on the five KSQI areas with one scorecard. Each area's score is the weight of its
/// passed items over the weight of the items that apply, times 100, rounded; a failed critical item makes it 0; an
/// area where no item applies scores 100. The total is the area scores weighted by the scorecard's area weights.
/// Pure and thread-safe: build one per scorecard version and share it.
/// </summary>
public sealed class QualityScorer
{
    private readonly CustomChecks custom;
    private readonly Dictionary<string, ScorecardItem> items;
    private readonly Dictionary<string, int> order;

    public QualityScorer(Scorecard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var problems = ScorecardJson.Validate(card);
        if (problems.Count > 0)
        {
            throw new ScorecardException(problems);
        }

        Card = card;
        custom = new CustomChecks(card);
        items = card.Items.ToDictionary(i => i.Id, StringComparer.Ordinal);
        order = card.Items.Select((item, i) => (item.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
    }

    public static QualityScorer Default { get; } = new(ScorecardJson.Default);

    public Scorecard Card { get; }

    public QualityResult Score(ConsultationRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var view = new ConsultationView(record);
        var findings = new FindingList(Card);
        GreetingChecks.Run(view, findings);
        AttitudeChecks.Run(view, findings);
        HandlingChecks.Run(view, findings);
        ReachabilityChecks.Run(view, Card, findings);
        ClosingChecks.Run(view, findings);
        custom.Run(view, findings);

        var sorted = findings.Items.OrderBy(f => f.Area).ThenBy(f => order[f.Item]).ToList();
        var (scores, total) = Tally(sorted);
        return new QualityResult(record.Id, scores, total, sorted, Card.Version);
    }

    /// <summary>
    /// Area scores and total from findings (by item id and whether each passed), with this scorecard's weights:
    /// how a stored score is recomputed when a supervisor overturns a finding.
    /// </summary>
    public (IReadOnlyDictionary<QualityArea, int> Scores, double Total) Tally(IEnumerable<(string Item, bool Passed)> findings)
    {
        var list = findings.Where(f => items.ContainsKey(f.Item)).ToList();
        var scores = QualityAreas.All.ToDictionary(area => area, area => AreaScore(list.Where(f => items[f.Item].Area == area)));
        var weightSum = QualityAreas.All.Sum(Card.AreaWeight);
        var total = Math.Round(QualityAreas.All.Sum(a => scores[a] * Card.AreaWeight(a)) / weightSum, 1);
        return (scores, total);
    }

    private (IReadOnlyDictionary<QualityArea, int> Scores, double Total) Tally(List<QualityFinding> findings) =>
        Tally(findings.Select(f => (f.Item, f.Passed)));

    private int AreaScore(IEnumerable<(string Item, bool Passed)> findings)
    {
        double passed = 0;
        double total = 0;
        foreach (var finding in findings)
        {
            var item = items[finding.Item];
            if (!finding.Passed && item.Critical)
            {
                return 0;
            }

            total += item.Weight;
            passed += finding.Passed ? item.Weight : 0;
        }

        return total <= 0 ? 100 : (int)Math.Round(100 * passed / total, MidpointRounding.AwayFromZero);
    }
}
