using Minwon.Core.Routing;
using static Minwon.Core.Tests.Routing.RoutingScenario;

namespace Minwon.Core.Tests.Routing;

public sealed class RoutingBoardRuleTests
{
    private sealed record Case(RoutingAgent[] Agents, RoutingContact[] Contacts, string Expected);

    // Each row: the counsellors, the waiting contacts, and every decision Drain must make, in order.
    private static readonly Dictionary<string, Case> Cases = new()
    {
        ["Priority beats waiting time"] = new(
            [Agent("a")],
            [Contact(1, priority: 0, waitedMinutes: 30), Contact(2, priority: 5, waitedMinutes: 1)],
            "2>a"),
        ["The longest waiting goes first among equal priority"] = new(
            [Agent("a")],
            [Contact(1, waitedMinutes: 2), Contact(2, waitedMinutes: 10), Contact(3, waitedMinutes: 5)],
            "2>a"),
        ["Equal priority and wait fall back to the contact id"] = new(
            [Agent("a")],
            [Contact(2), Contact(1)],
            "1>a"),
        ["The longest idle counsellor is chosen"] = new(
            [Agent("a", idleMinutes: 1), Agent("b", idleMinutes: 10), Agent("c", idleMinutes: 5)],
            [Contact(1)],
            "1>b"),
        ["Fewer active contacts beat a longer idle time"] = new(
            [Agent("a", max: 3, active: 1, idleMinutes: 30), Agent("b", max: 3, active: 0, idleMinutes: 1)],
            [Contact(1)],
            "1>b"),
        ["Higher proficiency on the required skills breaks an idle tie"] = new(
            [Agent("a", "ko:3,tax:9"), Agent("b", "ko:9,tax:9")],
            [Contact(1, "ko,tax")],
            "1>b"),
        ["Proficiency on skills the contact does not need is ignored"] = new(
            [Agent("a", "ko:5,tax:5"), Agent("b", "ko:5,tax:1,welfare:10")],
            [Contact(1, "ko,tax")],
            "1>a"),
        ["A full tie falls back to the counsellor id"] = new(
            [Agent("b"), Agent("a")],
            [Contact(1)],
            "1>a"),
        ["A counsellor at capacity is skipped"] = new(
            [Agent("a", max: 2, active: 2, idleMinutes: 30), Agent("b", idleMinutes: 1)],
            [Contact(1)],
            "1>b"),
        ["A counsellor with zero capacity is never offered"] = new(
            [Agent("a", max: 0)],
            [Contact(1)],
            ""),
        ["A counsellor missing a required skill is skipped"] = new(
            [Agent("a", "ko", idleMinutes: 30), Agent("b", "ko,tax", idleMinutes: 1)],
            [Contact(1, "ko,tax")],
            "1>b"),
        ["A skill with proficiency zero counts as missing"] = new(
            [Agent("a", "ko:5,tax:0")],
            [Contact(1, "ko,tax")],
            ""),
        ["Order and duplicates of required skills do not matter"] = new(
            [Agent("a", "tax,ko")],
            [Contact(1, "tax,ko,tax")],
            "1>a"),
        ["A contact without required skills goes to anyone"] = new(
            [Agent("a", "en", idleMinutes: 3)],
            [Contact(1, "")],
            "1>a"),
        ["A counsellor who declined the contact is skipped"] = new(
            [Agent("a", idleMinutes: 30), Agent("b", idleMinutes: 1)],
            [Contact(1, excluded: "a")],
            "1>b"),
        ["Several excluded counsellors are all skipped"] = new(
            [Agent("a", idleMinutes: 30), Agent("b", idleMinutes: 20), Agent("c", idleMinutes: 1)],
            [Contact(1, excluded: "a,b")],
            "1>c"),
        ["A contact every counsellor declined does not block the next one"] = new(
            [Agent("a")],
            [Contact(1, waitedMinutes: 10, excluded: "a"), Contact(2, waitedMinutes: 1)],
            "2>a"),
        ["A preferred counsellor is honoured over a longer idle one"] = new(
            [Agent("a", idleMinutes: 30), Agent("b", idleMinutes: 1)],
            [Contact(1, preferred: "b")],
            "1>b"),
        ["A preferred counsellor on break is passed over"] = new(
            [Agent("a", idleMinutes: 1), Agent("b", presence: Presence.Break, idleMinutes: 30)],
            [Contact(1, preferred: "b")],
            "1>a"),
        ["A preferred counsellor at capacity is passed over"] = new(
            [Agent("a", idleMinutes: 1), Agent("b", max: 1, active: 1, idleMinutes: 30)],
            [Contact(1, preferred: "b")],
            "1>a"),
        ["A preferred counsellor without the skill is passed over"] = new(
            [Agent("a", "ko,tax", idleMinutes: 1), Agent("b", "ko", idleMinutes: 30)],
            [Contact(1, "ko,tax", preferred: "b")],
            "1>a"),
        ["A preferred counsellor who declined is passed over"] = new(
            [Agent("a", idleMinutes: 1), Agent("b", idleMinutes: 30)],
            [Contact(1, excluded: "b", preferred: "b")],
            "1>a"),
        ["A preferred counsellor not on the board is passed over"] = new(
            [Agent("a")],
            [Contact(1, preferred: "ghost")],
            "1>a"),
        ["An urgent contact nobody can serve does not block others"] = new(
            [Agent("a", "ko")],
            [Contact(1, "zh", priority: 9, waitedMinutes: 30), Contact(2, "ko", priority: 0)],
            "2>a"),
        ["A specialist left free serves the contact only it can take"] = new(
            [Agent("a", "ko", idleMinutes: 10), Agent("b", "ko,tax", idleMinutes: 1)],
            [Contact(1, "ko", priority: 5), Contact(2, "ko,tax")],
            "1>a, 2>b"),
        ["Offline counsellors are never offered"] = new([Agent("a", presence: Presence.Offline)], [Contact(1)], ""),
        ["Busy counsellors are never offered"] = new([Agent("a", presence: Presence.Busy)], [Contact(1)], ""),
        ["Counsellors on break are never offered"] = new([Agent("a", presence: Presence.Break)], [Contact(1)], ""),
        ["Counsellors in after-contact work are never offered"] = new(
            [Agent("a", presence: Presence.AfterContactWork)],
            [Contact(1)],
            ""),
        ["Drain stops at a counsellor's concurrency limit"] = new(
            [Agent("a", max: 2)],
            [Contact(1, waitedMinutes: 5), Contact(2, waitedMinutes: 4), Contact(3, waitedMinutes: 3), Contact(4)],
            "1>a, 2>a"),
        ["Drain spreads load before stacking a counsellor"] = new(
            [Agent("a", max: 2, idleMinutes: 10), Agent("b", max: 1, idleMinutes: 5)],
            [Contact(1, waitedMinutes: 5), Contact(2, waitedMinutes: 4), Contact(3, waitedMinutes: 3), Contact(4)],
            "1>a, 2>b, 3>a"),
        ["Drain serves every skill set it can"] = new(
            [Agent("a", "ko,tax", idleMinutes: 10), Agent("b", "en,tax", idleMinutes: 5), Agent("c", "ko,welfare")],
            [Contact(1, "en,tax", waitedMinutes: 9), Contact(2, "ko,welfare", waitedMinutes: 8), Contact(3, "ko"), Contact(4, "zh")],
            "1>b, 2>c, 3>a"),
    };

    public static TheoryData<string> CaseNames => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Makes_the_expected_decisions(string name)
    {
        var (agents, contacts, expected) = Cases[name];
        var board = Board(agents, contacts);

        var assignments = board.Drain(100);

        Assert.Equal(expected, Describe(assignments));
        Assert.Null(board.Next());
        Assert.Equal(contacts.Length - assignments.Count, board.WaitingCount);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Next_and_drain_agree(string name)
    {
        var (agents, contacts, _) = Cases[name];
        var stepped = Board(agents, contacts);
        var drained = Board(agents, contacts);

        var steps = new List<RoutingAssignment>();
        while (stepped.Next() is { } step)
        {
            steps.Add(step);
        }

        Assert.Equal(Describe(drained.Drain(int.MaxValue)), Describe(steps));
    }
}
