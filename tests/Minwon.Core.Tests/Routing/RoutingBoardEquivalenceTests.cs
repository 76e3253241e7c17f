using Minwon.Core.Routing;
using static Minwon.Core.Tests.Routing.RoutingScenario;

namespace Minwon.Core.Tests.Routing;

/// <summary>Random operation sequences must give the same decisions on the indexed board as on a full scan.</summary>
public sealed class RoutingBoardEquivalenceTests
{
    public static TheoryData<int, int, int> Mixes => new()
    {
        // seed, skill vocabulary (small: few shared skill sets; large: mostly one-off sets, which also
        // exercises the eviction of empty sets), percent of steps that withdraw a contact.
        { 1, 4, 5 },
        { 2, 4, 5 },
        { 3, 8, 5 },
        { 4, 8, 20 },
        { 5, 40, 5 },
        { 6, 400, 5 },
        { 7, 400, 30 },
        { 8, 2_000, 30 },
    };

    [Theory]
    [MemberData(nameof(Mixes))]
    public void Decides_exactly_like_a_full_scan(int seed, int vocabulary, int withdrawals)
    {
        var random = new Random(seed);
        var board = new RoutingBoard();
        var naive = new NaiveRouter();
        var agentIds = Enumerable.Range(0, 25).Select(i => $"agent{i:00}").ToArray();
        var nextContact = 1;
        var decisions = 0;

        for (var step = 0; step < 3_000; step++)
        {
            var roll = random.Next(100);
            if (roll < 35)
            {
                var contact = RandomContact(random, nextContact++, vocabulary, agentIds);
                board.Enqueue(contact);
                naive.Enqueue(contact);
            }
            else if (roll < 55)
            {
                var agent = RandomAgent(random, agentIds[random.Next(agentIds.Length)], vocabulary);
                board.UpsertAgent(agent);
                naive.UpsertAgent(agent);
            }
            else if (roll < 58)
            {
                var id = agentIds[random.Next(agentIds.Length)];
                Assert.Equal(naive.RemoveAgent(id), board.RemoveAgent(id));
            }
            else if (roll < 58 + withdrawals && nextContact > 1)
            {
                var id = C(random.Next(Math.Max(1, nextContact - 300), nextContact));
                Assert.Equal(naive.RemoveContact(id), board.RemoveContact(id));
            }
            else
            {
                var expected = naive.Next();
                Assert.Equal(expected, board.Next());
                decisions += expected is null ? 0 : 1;
            }
        }

        Assert.Equal(Describe(DrainAll(naive)), Describe(board.Drain(int.MaxValue)));
        Assert.True(decisions > 100, $"only {decisions} decisions were compared");
    }

    private static List<RoutingAssignment> DrainAll(NaiveRouter naive)
    {
        var all = new List<RoutingAssignment>();
        while (naive.Next() is { } next)
        {
            all.Add(next);
        }
        return all;
    }

    private static string Skill(Random random, int vocabulary) => $"s{random.Next(vocabulary)}";

    private static RoutingAgent RandomAgent(Random random, string id, int vocabulary)
    {
        var skills = new Dictionary<string, int>(StringComparer.Ordinal);
        var count = random.Next(1, Math.Min(vocabulary, 8) + 1);
        while (skills.Count < count)
        {
            skills[Skill(random, vocabulary)] = random.Next(0, 11);
        }
        var presence = random.Next(10) < 7 ? Presence.Available : (Presence)random.Next(5);
        var max = random.Next(0, 4);
        return new RoutingAgent(
            id, skills, max, random.Next(0, max + 1), presence, Now.AddMinutes(-random.Next(6)));
    }

    private static RoutingContact RandomContact(Random random, int n, int vocabulary, string[] agentIds)
    {
        var skills = Enumerable.Range(0, random.Next(0, 4)).Select(_ => Skill(random, vocabulary)).ToArray();
        var excluded = Enumerable.Range(0, random.Next(10) < 7 ? 0 : random.Next(1, 6))
            .Select(_ => agentIds[random.Next(agentIds.Length)])
            .ToArray();
        var preferred = random.Next(10) == 0 ? agentIds[random.Next(agentIds.Length)] : null;
        return new RoutingContact(
            C(n), skills, random.Next(0, 3), Now.AddMinutes(-random.Next(5)), excluded, preferred);
    }
}
