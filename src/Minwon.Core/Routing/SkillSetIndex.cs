namespace Minwon.Core.Routing;

/// <summary>
/// The board's skill sets and which counsellors qualify for each. A set is found from a counsellor through its
/// first (anchor) skill, so linking a counsellor only looks at sets it could possibly hold.
/// </summary>
internal sealed class SkillSetIndex
{
    // Empty sets are kept so one that empties and refills does not rescan every counsellor, but only up to this
    // many, so a stream of one-off skill sets cannot grow the board forever.
    private const int MaxEmptyGroups = 256;

    private readonly Dictionary<string, SkillSetGroup> groups = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<SkillSetGroup>> groupsByAnchor = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<AgentState>> agentsBySkill = new(StringComparer.Ordinal);
    private int emptyGroups;

    public int Count => groups.Count;

    /// <summary>
    /// Finds the set, or opens it and links every qualified counsellor: those holding its least common skill are
    /// checked (O(A_s k)), or every counsellor for a set without skills.
    /// </summary>
    public SkillSetGroup GetOrAdd(IReadOnlyList<string> requiredSkills, IEnumerable<AgentState> agents)
    {
        var (key, skills) = SkillSetGroup.Canonical(requiredSkills);
        if (groups.TryGetValue(key, out var group))
        {
            return group;
        }

        group = new SkillSetGroup(key, skills);
        groups.Add(key, group);
        emptyGroups++;
        var anchor = Anchor(group);
        if (!groupsByAnchor.TryGetValue(anchor, out var anchored))
        {
            anchored = [];
            groupsByAnchor.Add(anchor, anchored);
        }
        anchored.Add(group);

        foreach (var agent in skills.Length == 0 ? agents : HoldersOfRarest(skills))
        {
            var proficiency = group.ProficiencyOf(agent);
            if (proficiency < 0)
            {
                continue;
            }
            agent.Memberships.Add(group, proficiency);
            group.Qualified.Add(agent);
            if (agent.IsRoutable)
            {
                group.Agents.Add(agent.SlotFor(proficiency));
            }
        }
        return group;
    }

    /// <summary>Call when a set gets its first waiting contact.</summary>
    public void NoteFilled() => emptyGroups--;

    /// <summary>Call when a set loses its last waiting contact; may evict every empty set.</summary>
    public void NoteEmptied()
    {
        if (++emptyGroups > MaxEmptyGroups)
        {
            EvictEmptyGroups();
        }
    }

    /// <summary>Records every set the counsellor qualifies for; it is not put in any set's routable order here.</summary>
    public void Link(AgentState agent)
    {
        foreach (var skill in agent.Skills.Keys)
        {
            if (!agentsBySkill.TryGetValue(skill, out var holders))
            {
                holders = [];
                agentsBySkill.Add(skill, holders);
            }
            holders.Add(agent);
        }
        if (groupsByAnchor.TryGetValue(string.Empty, out var unskilled))
        {
            LinkIfQualified(agent, unskilled);
        }
        foreach (var skill in agent.Skills.Keys)
        {
            if (groupsByAnchor.TryGetValue(skill, out var anchored))
            {
                LinkIfQualified(agent, anchored);
            }
        }
    }

    /// <summary>Undoes <see cref="Link"/>; call it before the counsellor's skills change.</summary>
    public void Unlink(AgentState agent)
    {
        foreach (var skill in agent.Skills.Keys)
        {
            if (agentsBySkill.TryGetValue(skill, out var holders) && holders.Remove(agent) && holders.Count == 0)
            {
                agentsBySkill.Remove(skill);
            }
        }
        foreach (var group in agent.Memberships.Keys)
        {
            group.Qualified.Remove(agent);
        }
        agent.Memberships.Clear();
    }

    private IEnumerable<AgentState> HoldersOfRarest(string[] skills)
    {
        HashSet<AgentState>? rarest = null;
        foreach (var skill in skills)
        {
            if (!agentsBySkill.TryGetValue(skill, out var holders))
            {
                return [];
            }
            if (rarest is null || holders.Count < rarest.Count)
            {
                rarest = holders;
            }
        }
        return rarest ?? [];
    }

    private static string Anchor(SkillSetGroup group) => group.Skills.Length == 0 ? string.Empty : group.Skills[0];

    private static void LinkIfQualified(AgentState agent, List<SkillSetGroup> candidates)
    {
        foreach (var group in candidates)
        {
            var proficiency = group.ProficiencyOf(agent);
            if (proficiency >= 0)
            {
                agent.Memberships.Add(group, proficiency);
                group.Qualified.Add(agent);
            }
        }
    }

    private void EvictEmptyGroups()
    {
        var empty = groups.Values.Where(g => g.Contacts.Count == 0).ToList();
        foreach (var group in empty)
        {
            groups.Remove(group.Key);
            var anchor = Anchor(group);
            var anchored = groupsByAnchor[anchor];
            anchored.Remove(group);
            if (anchored.Count == 0)
            {
                groupsByAnchor.Remove(anchor);
            }
            foreach (var agent in group.Qualified)
            {
                agent.Memberships.Remove(group);
            }
        }
        emptyGroups = 0;
    }
}
