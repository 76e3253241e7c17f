namespace Minwon.Core.Routing;

/// <summary>Best counsellor first: fewest active contacts, longest idle, most proficient on the skill set, then id.</summary>
internal sealed class AgentSlotOrder : IComparer<AgentSlot>
{
    public static readonly AgentSlotOrder Instance = new();

    public int Compare(AgentSlot x, AgentSlot y)
    {
        var byLoad = x.ActiveContacts.CompareTo(y.ActiveContacts);
        if (byLoad != 0)
        {
            return byLoad;
        }
        var byIdle = x.IdleSinceTicks.CompareTo(y.IdleSinceTicks);
        if (byIdle != 0)
        {
            return byIdle;
        }
        var byProficiency = y.Proficiency.CompareTo(x.Proficiency);
        return byProficiency != 0 ? byProficiency : string.CompareOrdinal(x.Agent.Id, y.Agent.Id);
    }
}
