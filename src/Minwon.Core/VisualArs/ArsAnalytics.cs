namespace Minwon.Core.VisualArs;

/// <summary>Aggregates recorded menu steps into the supervisor's report.</summary>
public static class ArsAnalytics
{
    public static ArsMenuReport Compute(IEnumerable<ArsVisitRecord> visits, ArsMenu menu)
    {
        var sessions = visits.GroupBy(v => v.SessionId)
            .Select(g => g.OrderBy(v => v.At).ThenBy(v => v.Kind).ToList())
            .ToList();
        var stats = new Dictionary<string, (int Visits, HashSet<string> Sessions, int Exits, int Completions, int Handoffs)>();
        (int, HashSet<string>, int, int, int) Get(string id) => stats.TryGetValue(id, out var s) ? s : (0, [], 0, 0, 0);

        int formSessions = 0, completed = 0, handoffs = 0;
        foreach (var steps in sessions)
        {
            foreach (var step in steps)
            {
                var s = Get(step.NodeId);
                s.Item2.Add(step.SessionId);
                stats[step.NodeId] = step.Kind switch
                {
                    ArsVisitKind.View => (s.Item1 + 1, s.Item2, s.Item3, s.Item4, s.Item5),
                    ArsVisitKind.Complete => (s.Item1, s.Item2, s.Item3, s.Item4 + 1, s.Item5),
                    _ => (s.Item1, s.Item2, s.Item3, s.Item4, s.Item5 + 1),
                };
            }

            var last = steps[^1];
            if (last.Kind == ArsVisitKind.View)
            {
                var s = Get(last.NodeId);
                stats[last.NodeId] = (s.Item1, s.Item2, s.Item3 + 1, s.Item4, s.Item5);
            }

            if (steps.Any(v => v.Kind == ArsVisitKind.View && menu.Find(v.NodeId)?.Kind == ArsNodeKind.Form))
            {
                formSessions++;
                if (steps.Any(v => v.Kind == ArsVisitKind.Complete))
                {
                    completed++;
                }
            }

            if (steps.Any(v => v.Kind == ArsVisitKind.Handoff))
            {
                handoffs++;
            }
        }

        var nodes = stats
            .Select(kv => new ArsNodeStats(kv.Key, menu.Find(kv.Key)?.LabelKo ?? kv.Key, menu.Find(kv.Key)?.Kind,
                kv.Value.Visits, kv.Value.Sessions.Count, kv.Value.Exits, kv.Value.Completions, kv.Value.Handoffs))
            .OrderByDescending(n => n.Visits).ThenBy(n => n.NodeId, StringComparer.Ordinal)
            .ToList();
        return new ArsMenuReport(sessions.Count, nodes, formSessions, completed, handoffs);
    }
}
