using Minwon.Core.Routing;
using static Minwon.Core.Tests.Routing.RoutingScenario;

namespace Minwon.Core.Tests.Routing;

public sealed class RoutingBoardStateTests
{
    [Fact]
    public void Applying_a_decision_removes_the_contact_and_adds_to_the_counsellors_load()
    {
        var board = Board([Agent("a", max: 3, active: 1)], [Contact(1), Contact(2)]);

        var assignment = board.Next();

        Assert.Equal(new RoutingAssignment(C(1), "a"), assignment);
        Assert.False(board.ContainsContact(C(1)));
        Assert.Equal(1, board.WaitingCount);
        Assert.Equal(2, board.FindAgent("a")!.ActiveContacts);
    }

    [Fact]
    public void Returns_nothing_on_an_empty_board()
    {
        var board = new RoutingBoard();

        Assert.Null(board.Next());
        Assert.Empty(board.Drain(10));
    }

    [Fact]
    public void Drain_makes_at_most_the_requested_number_of_decisions()
    {
        var board = Board([Agent("a", max: 10)], Enumerable.Range(1, 5).Select(n => Contact(n)));

        Assert.Equal(2, board.Drain(2).Count);
        Assert.Equal(3, board.WaitingCount);
    }

    [Fact]
    public void A_counsellor_going_on_break_stops_receiving_and_returning_resumes()
    {
        var board = Board([Agent("a", max: 5)], [Contact(1), Contact(2)]);

        board.UpsertAgent(Agent("a", max: 5, presence: Presence.Break));
        Assert.Null(board.Next());

        board.UpsertAgent(Agent("a", max: 5));
        Assert.Equal("1>a, 2>a", Describe(board.Drain(10)));
    }

    [Fact]
    public void A_counsellor_who_learns_a_skill_starts_receiving_that_work()
    {
        var board = Board([Agent("a", "ko")], [Contact(1, "ko,tax")]);
        Assert.Null(board.Next());

        board.UpsertAgent(Agent("a", "ko,tax"));

        Assert.Equal("1>a", Describe(board.Drain(10)));
    }

    [Fact]
    public void A_counsellor_who_loses_a_skill_stops_receiving_that_work()
    {
        var board = Board([Agent("a", "ko,tax", idleMinutes: 10), Agent("b", "ko,tax")], [Contact(1, "ko,tax")]);

        board.UpsertAgent(Agent("a", "ko", idleMinutes: 10));

        Assert.Equal("1>b", Describe(board.Drain(10)));
    }

    [Fact]
    public void A_freed_counsellor_is_offered_again_after_the_caller_upserts_it()
    {
        var board = Board([Agent("a")], [Contact(1), Contact(2)]);
        Assert.Equal("1>a", Describe(board.Drain(10)));

        board.UpsertAgent(Agent("a", active: 0));

        Assert.Equal("2>a", Describe(board.Drain(10)));
    }

    [Fact]
    public void A_removed_counsellor_is_never_offered()
    {
        var board = Board([Agent("a", idleMinutes: 10), Agent("b")], [Contact(1)]);

        Assert.True(board.RemoveAgent("a"));
        Assert.False(board.RemoveAgent("a"));

        Assert.Equal("1>b", Describe(board.Drain(10)));
    }

    [Fact]
    public void A_removed_contact_is_never_offered()
    {
        var board = Board([Agent("a")], [Contact(1, waitedMinutes: 5), Contact(2)]);

        Assert.True(board.RemoveContact(C(1)));
        Assert.False(board.RemoveContact(C(1)));

        Assert.Equal("2>a", Describe(board.Drain(10)));
    }

    [Fact]
    public void Enqueueing_a_known_contact_replaces_it()
    {
        var board = Board([Agent("a", idleMinutes: 10), Agent("b")], [Contact(1)]);

        board.Enqueue(Contact(1, excluded: "a"));

        Assert.Equal(1, board.WaitingCount);
        Assert.Equal("1>b", Describe(board.Drain(10)));
    }

    [Fact]
    public void A_counsellor_who_arrives_after_contacts_wait_is_offered_them()
    {
        var board = Board([], [Contact(1, "ko,tax"), Contact(2, "en")]);

        board.UpsertAgent(Agent("a", "en,ko,tax", max: 2));

        Assert.Equal("1>a, 2>a", Describe(board.Drain(10)));
    }

    [Fact]
    public void Skill_names_are_compared_ordinally_whatever_the_callers_dictionary()
    {
        var skills = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase) { ["KO"] = 5 };
        var board = Board([new RoutingAgent("a", skills, 1, 0, Presence.Available, Now)], [Contact(1, "ko")]);

        Assert.Null(board.Next());
    }

    [Fact]
    public void Many_one_off_skill_sets_are_served_and_do_not_accumulate()
    {
        var board = Board([Agent("a", "ko", max: int.MaxValue)], []);
        for (var n = 1; n <= 2_000; n++)
        {
            board.Enqueue(Contact(n, $"ko,topic{n}"));
            board.Enqueue(Contact(100_000 + n, "ko"));
            Assert.Equal(C(100_000 + n), board.Next()!.ContactId);
        }

        Assert.Equal(2_000, board.WaitingCount);
        foreach (var n in Enumerable.Range(1, 2_000))
        {
            board.RemoveContact(C(n));
        }
        Assert.True(board.SkillSetCount <= 257, $"{board.SkillSetCount} skill sets kept");
    }

    [Fact]
    public void A_counsellor_skill_without_a_name_is_ignored()
    {
        var skills = new Dictionary<string, int>(StringComparer.Ordinal) { [""] = 5, ["ko"] = 5 };
        var board = Board([], [Contact(1, ""), Contact(2, "ko")]);

        board.UpsertAgent(new RoutingAgent("a", skills, 2, 0, Presence.Available, Now));

        Assert.Equal("1>a, 2>a", Describe(board.Drain(10)));
    }

    [Fact]
    public void Rejects_a_contact_with_an_empty_skill_name()
    {
        var board = new RoutingBoard();

        Assert.Throws<ArgumentException>(() => board.Enqueue(Contact(1) with { RequiredSkills = ["ko", ""] }));
    }
}
