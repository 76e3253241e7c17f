namespace Minwon.Core.Quality;

/// <summary>Scores of 0-100 per area, the weighted total, the findings, and the scorecard version that produced them.</summary>
public sealed record QualityResult(
    string Id,
    IReadOnlyDictionary<QualityArea, int> Scores,
    double Total,
    IReadOnlyList<QualityFinding> Findings,
    int ScorecardVersion)
{
    public int Score(QualityArea area) => Scores[area];
}
