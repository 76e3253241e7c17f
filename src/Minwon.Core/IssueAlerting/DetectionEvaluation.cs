namespace Minwon.Core.IssueAlerting;

/// <summary>
/// Scores alerts against injected incidents. An alert catches an incident when it comes between the onset and an hour
/// after its last contact, in its district (or either side city-wide), and shares a term with it or, in that district,
/// its category. Every other alert is false, including a second alert on an incident already caught.
/// </summary>
public static class DetectionEvaluation
{
    public static DetectionScore Score(IReadOnlyList<IssueAlert> alerts, IReadOnlyList<InjectedIncident> incidents, double days)
    {
        var firstDetection = new DateTimeOffset?[incidents.Count];
        int falseAlerts = 0, duplicates = 0;
        foreach (var alert in alerts)
        {
            var matches = Enumerable.Range(0, incidents.Count).Where(i => Catches(alert, incidents[i])).ToList();
            if (matches.Count == 0)
            {
                falseAlerts++;
                continue;
            }

            var open = matches.Where(i => firstDetection[i] is null).ToList();
            if (open.Count == 0)
            {
                falseAlerts++;
                duplicates++;
                continue;
            }

            firstDetection[open[0]] = alert.DetectedAt;
        }

        var delays = incidents.Select((incident, i) => firstDetection[i] is { } at ? (at - incident.Onset).TotalMinutes : double.NaN)
            .Where(d => !double.IsNaN(d))
            .ToList();
        return new DetectionScore(incidents.Count, delays.Count, falseAlerts, duplicates, days, delays);
    }

    public static bool Catches(IssueAlert alert, InjectedIncident incident)
    {
        if (alert.DetectedAt < incident.Onset || alert.DetectedAt > incident.End.AddHours(1))
        {
            return false;
        }

        if (incident.District is not null && alert.District is not null && alert.District != incident.District)
        {
            return false;
        }

        var sharesTerm = alert.Terms.Any(term => incident.Terms.Any(truth => Overlaps(term, truth)));
        var sameCategoryHere = alert.Category == incident.Category && alert.District is not null && alert.District == incident.District;
        return sharesTerm || sameCategoryHere;
    }

    private static bool Overlaps(string term, string truth)
    {
        var a = term.Replace(" ", "", StringComparison.Ordinal);
        var b = truth.Replace(" ", "", StringComparison.Ordinal);
        return a.Length >= 2 && b.Length >= 2 && (a.Contains(b, StringComparison.Ordinal) || b.Contains(a, StringComparison.Ordinal));
    }
}
