namespace Minwon.Core.Routing;

/// <summary>
/// Everything waiting for one canonical set of required skills, and every counsellor who holds that set.
/// Contacts of one group compete for exactly the same counsellors, which is what lets the board look only
/// at the head of each group.
/// </summary>
internal sealed class SkillSetGroup(string key, string[] skills)
{
    public string Key { get; } = key;

    /// <summary>Distinct, ordinally sorted; the first one is the anchor under which the board indexes the group.</summary>
    public string[] Skills { get; } = skills;

    public SortedSet<ContactEntry> Contacts { get; } = new(ContactEntryOrder.Instance);

    /// <summary>Qualified counsellors that are available with spare capacity, best first.</summary>
    public SortedSet<AgentSlot> Agents { get; } = new(AgentSlotOrder.Instance);

    /// <summary>The head under which the group sits in the board's servable index; null when it is not there.</summary>
    public ContactEntry? IndexedHead { get; set; }

    /// <summary>Every qualified counsellor, routable or not, so the group can be unlinked when evicted.</summary>
    public HashSet<AgentState> Qualified { get; } = [];

    /// <summary>The counsellor's total proficiency on this set, or -1 when it lacks one of the skills.</summary>
    public int ProficiencyOf(AgentState agent)
    {
        var total = 0;
        foreach (var skill in Skills)
        {
            if (!agent.Skills.TryGetValue(skill, out var proficiency))
            {
                return -1;
            }
            total += proficiency;
        }
        return total;
    }

    public static (string Key, string[] Skills) Canonical(IReadOnlyList<string> requiredSkills)
    {
        if (requiredSkills.Count == 0)
        {
            return (string.Empty, []);
        }
        var skills = new string[requiredSkills.Count];
        for (var i = 0; i < skills.Length; i++)
        {
            skills[i] = requiredSkills[i];
        }
        Array.Sort(skills, StringComparer.Ordinal);
        var distinct = 1;
        for (var i = 1; i < skills.Length; i++)
        {
            if (!string.Equals(skills[i], skills[distinct - 1], StringComparison.Ordinal))
            {
                skills[distinct++] = skills[i];
            }
        }
        if (distinct < skills.Length)
        {
            Array.Resize(ref skills, distinct);
        }
        // U+001F (unit separator) cannot appear in a sensible skill name, so the joined key is unambiguous.
        return (string.Join('\u001F', skills), skills);
    }
}
