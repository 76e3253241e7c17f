using Minwon.Core.Routing;

namespace Minwon.Core.Tests.Routing;

/// <summary>A tiny language for routing cases: agents, contacts and the decisions expected in order.</summary>
internal static class RoutingScenario
{
    public static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Contact number n as a stable id; ids order like their numbers.</summary>
    public static Guid C(int n) => new(n, 0, 0, new byte[8]);

    /// <param name="skills">"ko:5,tax:3"; a skill without ":n" has proficiency 5.</param>
    public static RoutingAgent Agent(
        string id,
        string skills = "ko",
        int max = 1,
        int active = 0,
        Presence presence = Presence.Available,
        int idleMinutes = 0) =>
        new(id, ParseSkills(skills), max, active, presence, Now.AddMinutes(-idleMinutes));

    public static RoutingContact Contact(
        int n,
        string skills = "ko",
        int priority = 0,
        int waitedMinutes = 0,
        string excluded = "",
        string? preferred = null) =>
        new(C(n), Split(skills), priority, Now.AddMinutes(-waitedMinutes), Split(excluded), preferred);

    public static RoutingBoard Board(IEnumerable<RoutingAgent> agents, IEnumerable<RoutingContact> contacts)
    {
        var board = new RoutingBoard();
        foreach (var agent in agents)
        {
            board.UpsertAgent(agent);
        }
        foreach (var contact in contacts)
        {
            board.Enqueue(contact);
        }
        return board;
    }

    /// <summary>Decisions written as "1>a, 2>b": contact number, then agent id.</summary>
    public static string Describe(IEnumerable<RoutingAssignment> assignments) =>
        string.Join(", ", assignments.Select(a => $"{Number(a.ContactId)}>{a.AgentId}"));

    private static int Number(Guid id) => BitConverter.ToInt32(id.ToByteArray(), 0);

    private static Dictionary<string, int> ParseSkills(string skills) =>
        Split(skills).ToDictionary(
            s => s.Split(':')[0],
            s => s.Contains(':') ? int.Parse(s.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture) : 5);

    private static string[] Split(string list) =>
        list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
