namespace Minwon.Core.Routing;

/// <summary>The board's mutable view of one counsellor and the skill sets it qualifies for.</summary>
internal sealed class AgentState(RoutingAgent agent, Dictionary<string, int> skills)
{
    public string Id { get; } = agent.Id;

    public RoutingAgent Agent { get; set; } = agent;

    /// <summary>Named skills with proficiency of at least 1, keyed ordinally whatever the caller's dictionary comparer.</summary>
    public Dictionary<string, int> Skills { get; set; } = skills;

    /// <summary>Skill sets this counsellor qualifies for, with its total proficiency on each, whether or not it is free now.</summary>
    public Dictionary<SkillSetGroup, int> Memberships { get; } = [];

    /// <summary>Free to take one more contact: the only state in which it sits in its groups' ordered agent sets.</summary>
    public bool IsRoutable => Agent.Presence == Presence.Available && Agent.ActiveContacts < Agent.MaxConcurrent;

    public AgentSlot SlotFor(int proficiency) => new(Agent.ActiveContacts, Agent.IdleSince.UtcTicks, proficiency, this);

    public static Dictionary<string, int> EffectiveSkills(IReadOnlyDictionary<string, int> skills)
    {
        var effective = new Dictionary<string, int>(skills.Count, StringComparer.Ordinal);
        foreach (var (name, proficiency) in skills)
        {
            if (proficiency >= 1 && !string.IsNullOrEmpty(name))
            {
                effective[name] = proficiency;
            }
        }
        return effective;
    }

    public static bool SameSkills(Dictionary<string, int> current, Dictionary<string, int> next)
    {
        if (current.Count != next.Count)
        {
            return false;
        }
        foreach (var (name, proficiency) in next)
        {
            if (!current.TryGetValue(name, out var existing) || existing != proficiency)
            {
                return false;
            }
        }
        return true;
    }
}
