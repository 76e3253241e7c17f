namespace Minwon.Core.IssueAlerting;

/// <summary>How a detector did on streams with known incidents. Duplicates (a second alert for an incident already caught) count as false alerts.</summary>
public sealed record DetectionScore(int Incidents, int Detected, int FalseAlerts, int Duplicates, double Days, IReadOnlyList<double> DelayMinutes)
{
    public double Recall => Incidents == 0 ? 1 : (double)Detected / Incidents;

    public double FalseAlertsPer14Days => Days == 0 ? 0 : FalseAlerts * 14 / Days;

    public double MedianDelayMinutes => DelayMinutes.Count == 0 ? double.NaN : Median(DelayMinutes);

    public DetectionScore Add(DetectionScore other) => new(
        Incidents + other.Incidents,
        Detected + other.Detected,
        FalseAlerts + other.FalseAlerts,
        Duplicates + other.Duplicates,
        Days + other.Days,
        [.. DelayMinutes, .. other.DelayMinutes]);

    private static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
