using Minwon.Core.VisualArs;

namespace Minwon.Core.Tests.VisualArs;

public sealed class ArsAnalyticsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    private static ArsVisitRecord V(string session, string node, int minute, ArsVisitKind kind = ArsVisitKind.View) =>
        new(session, node, kind, T0.AddMinutes(minute));

    [Fact]
    public void Counts_visits_drop_outs_completions_and_hand_offs()
    {
        var visits = new[]
        {
            // a: files the bulky-waste form
            V("a", "root", 0), V("a", "living", 1), V("a", "bulky-waste", 2), V("a", "bulky-waste", 5, ArsVisitKind.Complete),
            // b: opens the form and leaves
            V("b", "root", 0), V("b", "living", 1), V("b", "bulky-waste", 2),
            // c: asks a counsellor
            V("c", "root", 0), V("c", "counsellor", 1), V("c", "counsellor", 2, ArsVisitKind.Handoff),
            // d: reads an info page and leaves
            V("d", "root", 0), V("d", "water", 1), V("d", "water-bill", 2),
        };

        var report = ArsAnalytics.Compute(visits, DefaultArsMenu.Create());

        Assert.Equal(4, report.Sessions);
        Assert.Equal(2, report.FormSessions);
        Assert.Equal(1, report.CompletedFormSessions);
        Assert.Equal(0.5, report.SelfServiceCompletionRate);
        Assert.Equal(0.25, report.HandoffRate);
        var waste = report.Nodes.Single(n => n.NodeId == "bulky-waste");
        Assert.Equal((2, 2, 1, 1), (waste.Visits, waste.Sessions, waste.Exits, waste.Completions));
        Assert.Equal(4, report.Nodes.Single(n => n.NodeId == "root").Visits);
        Assert.Equal(0, report.Nodes.Single(n => n.NodeId == "root").Exits);
        Assert.Equal(1, report.Nodes.Single(n => n.NodeId == "water-bill").Exits);
        Assert.Equal("root", report.Nodes[0].NodeId);
    }

    [Fact]
    public void Reports_no_rates_without_visits()
    {
        var report = ArsAnalytics.Compute([], DefaultArsMenu.Create());

        Assert.Null(report.HandoffRate);
        Assert.Null(report.SelfServiceCompletionRate);
    }
}
