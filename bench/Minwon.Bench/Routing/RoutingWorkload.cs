using Minwon.Core.Routing;

namespace Minwon.Bench.Routing;

/// <summary>
/// A reproducible board shaped like a city hotline: 20 consultation categories (a few popular, many rare) ×
/// 3 languages (mostly Korean) × 3 channels, so contacts fall into at most 180 skill sets; counsellors hold
/// 1-4 categories, Korean plus perhaps one foreign language, 1-2 channels (3-8 skills).
/// </summary>
internal sealed class RoutingWorkload
{
    public static readonly DateTimeOffset Start = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    private static readonly string[] Categories = Enumerable.Range(0, 20).Select(i => $"category{i:00}").ToArray();
    private static readonly double[] CategoryWeights = Enumerable.Range(1, 20).Select(i => 1.0 / i).ToArray();
    private static readonly string[] Languages = ["ko", "en", "zh"];
    private static readonly double[] LanguageWeights = [0.90, 0.06, 0.04];
    private static readonly string[] Channels = ["phone", "chat", "sms"];
    private static readonly double[] ChannelWeights = [0.55, 0.35, 0.10];
    private static readonly string[] Generic = Enumerable.Range(0, 60).Select(i => $"skill{i:00}").ToArray();

    private readonly Random random;

    private RoutingWorkload(int seed) => random = new Random(seed);

    public RoutingAgent[] Agents { get; private set; } = [];

    public RoutingContact[] Contacts { get; private set; } = [];

    /// <param name="oneOffSkillSets">
    /// The pathological case instead: contacts need 2-4 of 60 skills and counsellors hold 8, so nearly every
    /// contact has a skill set of its own (about 9,000 distinct sets for 10,000 contacts).
    /// </param>
    public static RoutingWorkload Create(int agents, int contacts, bool oneOffSkillSets = false, int seed = 120)
    {
        var generator = new RoutingWorkload(seed);
        generator.Agents = Enumerable.Range(0, agents)
            .Select(i => oneOffSkillSets ? generator.NewGeneralist(i) : generator.NewAgent(i))
            .ToArray();
        generator.Contacts = Enumerable.Range(0, contacts)
            .Select(i => generator.NewContact(i, generator.Agents, oneOffSkillSets))
            .ToArray();
        return generator;
    }

    public RoutingBoard NewBoard()
    {
        var board = new RoutingBoard();
        foreach (var agent in Agents)
        {
            board.UpsertAgent(agent);
        }
        foreach (var contact in Contacts)
        {
            board.Enqueue(contact);
        }
        return board;
    }

    private RoutingAgent NewAgent(int index)
    {
        var skills = new Dictionary<string, int>(StringComparer.Ordinal);
        var categories = random.Next(1, 5);
        while (skills.Count < categories)
        {
            skills[Pick(Categories, CategoryWeights)] = random.Next(1, 11);
        }
        skills["ko"] = random.Next(5, 11);
        var foreign = random.NextDouble();
        if (foreign < 0.15)
        {
            skills["en"] = random.Next(1, 11);
        }
        else if (foreign < 0.22)
        {
            skills["zh"] = random.Next(1, 11);
        }
        skills[Pick(Channels, ChannelWeights)] = random.Next(1, 11);
        if (random.NextDouble() < 0.5)
        {
            skills[Channels[random.Next(Channels.Length)]] = random.Next(1, 11);
        }

        return WithState(index, skills);
    }

    private RoutingAgent NewGeneralist(int index)
    {
        var skills = new Dictionary<string, int>(StringComparer.Ordinal);
        while (skills.Count < 8)
        {
            skills[Generic[random.Next(Generic.Length)]] = random.Next(1, 11);
        }
        return WithState(index, skills);
    }

    private RoutingAgent WithState(int index, Dictionary<string, int> skills)
    {
        // Most counsellors are free with spare chat capacity so that every decision finds someone; the rest
        // are in states the router must skip.
        var roll = random.NextDouble();
        var presence = roll < 0.85 ? Presence.Available
            : roll < 0.90 ? Presence.AfterContactWork
            : roll < 0.95 ? Presence.Break
            : Presence.Offline;
        return new RoutingAgent(
            $"agent{index:00000}",
            skills,
            MaxConcurrent: 3,
            ActiveContacts: random.Next(0, 3),
            presence,
            Start.AddSeconds(-random.Next(1, 1_800)));
    }

    private RoutingContact NewContact(int index, RoutingAgent[] agents, bool oneOffSkillSets)
    {
        List<string> skills = oneOffSkillSets
            ? [.. Enumerable.Range(0, random.Next(2, 5)).Select(_ => Generic[random.Next(Generic.Length)])]
            : [Pick(Categories, CategoryWeights), Pick(Languages, LanguageWeights), Pick(Channels, ChannelWeights)];
        var priorityRoll = random.NextDouble();
        var priority = priorityRoll < 0.85 ? 0 : priorityRoll < 0.95 ? 1 : 2;
        string[] excluded = random.NextDouble() < 0.05
            ? [.. Enumerable.Range(0, random.Next(1, 3)).Select(_ => agents[random.Next(agents.Length)].Id)]
            : [];
        var preferred = random.NextDouble() < 0.01 ? agents[random.Next(agents.Length)].Id : null;
        return new RoutingContact(
            ContactId(index), skills, priority, Start.AddMilliseconds(-random.Next(0, 7_200_000)), excluded, preferred);
    }

    public static Guid ContactId(int index) => new(index, 0, 0, new byte[8]);

    private T Pick<T>(T[] items, double[] weights)
    {
        var target = random.NextDouble() * weights.Sum();
        for (var i = 0; i < items.Length; i++)
        {
            target -= weights[i];
            if (target <= 0)
            {
                return items[i];
            }
        }
        return items[^1];
    }
}
