using System.Diagnostics.CodeAnalysis;

namespace Minwon.Core.Routing;

/// <summary>
/// The in-memory ACD decision engine: waiting contacts and counsellors, and which contact goes to whom next.
/// Not thread-safe; the caller loads a board (or keeps one) under its own lock or transaction.
/// </summary>
/// <remarks>
/// <para>Rules: the most urgent contact (priority, then waiting time, then id) that has at least one eligible
/// counsellor is served first, so a contact nobody can take never blocks the ones behind it. Eligible means
/// available, below its concurrency limit, holding every required skill and not excluded by the contact. Among
/// eligible counsellors the contact's preferred one wins, else the fewest active contacts, the longest idle, the
/// highest total proficiency on the required skills, then the id.</para>
/// <para>Index: contacts are grouped by their canonical required-skill set (a contact centre has tens to a few
/// hundred of them). Each group keeps its contacts ordered most urgent first and its routable qualified
/// counsellors ordered best first, both as red-black trees. The groups that have both a contact and a routable
/// counsellor sit in a third tree ordered by their head contact, so the next decision is normally the head of
/// its first entry. <see cref="SkillSetIndex"/> links each counsellor to the sets it qualifies
/// for.</para>
/// <para>Cost, with G skill sets, A counsellors, C waiting contacts, m the sets one counsellor qualifies for and
/// k skills per set. <see cref="Next"/>: O(log G + log C + m log A): the first servable head is taken, then the
/// chosen counsellor is re-keyed in its m sets; only when that head's free counsellors all declined it does it
/// walk on, at O(min(E, A_g)) per contact visited (E its exclusions), stopping at the first contact that cannot
/// beat the best found. <see cref="Enqueue"/>: O(k log k + log C + log G) into a known set, O(A k) when it opens
/// a new one. <see cref="UpsertAgent"/>: O(m log A) when skills are unchanged, plus the sets under its skills'
/// anchors when they change. Nothing grows with A except through log A, which keeps 5,000 counsellors within
/// twice the cost of 500, and nothing scans the waiting contacts. When every contact has a skill set of its own
/// (G near C) decisions stay exact; the costs are the same formulas with a larger G and m, and opening a set
/// per contact makes <see cref="Enqueue"/> O(A k).</para>
/// </remarks>
public sealed class RoutingBoard
{
    private readonly Dictionary<string, AgentState> agents = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, ContactEntry> contacts = [];
    private readonly SkillSetIndex skillSets = new();
    private readonly SortedSet<ServableGroup> servable = new(ServableGroupOrder.Instance);

    public int WaitingCount => contacts.Count;

    public int AgentCount => agents.Count;

    /// <summary>Distinct required-skill sets currently indexed (including a bounded number of empty ones).</summary>
    public int SkillSetCount => skillSets.Count;

    public bool ContainsContact(Guid contactId) => contacts.ContainsKey(contactId);

    public RoutingAgent? FindAgent(string agentId) =>
        agents.TryGetValue(agentId, out var state) ? state.Agent : null;

    /// <summary>Adds the counsellor or replaces its state (presence, load, skills, idle time).</summary>
    public void UpsertAgent(RoutingAgent agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(agent.Id);
        ArgumentNullException.ThrowIfNull(agent.Skills);
        ArgumentOutOfRangeException.ThrowIfNegative(agent.MaxConcurrent);
        ArgumentOutOfRangeException.ThrowIfNegative(agent.ActiveContacts);

        var skills = AgentState.EffectiveSkills(agent.Skills);
        if (!agents.TryGetValue(agent.Id, out var state))
        {
            state = new AgentState(agent, skills);
            agents.Add(agent.Id, state);
            skillSets.Link(state);
            Route(state);
            return;
        }

        Unroute(state);
        if (!AgentState.SameSkills(state.Skills, skills))
        {
            skillSets.Unlink(state);
            state.Skills = skills;
            skillSets.Link(state);
        }
        state.Agent = agent;
        Route(state);
    }

    public bool RemoveAgent(string agentId)
    {
        if (!agents.Remove(agentId, out var state))
        {
            return false;
        }
        Unroute(state);
        skillSets.Unlink(state);
        return true;
    }

    /// <summary>Adds a waiting contact; a contact already on the board with the same id is replaced.</summary>
    public void Enqueue(RoutingContact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        ArgumentNullException.ThrowIfNull(contact.RequiredSkills);
        ArgumentNullException.ThrowIfNull(contact.ExcludedAgents);
        foreach (var skill in contact.RequiredSkills)
        {
            ArgumentException.ThrowIfNullOrEmpty(skill, nameof(contact));
        }

        RemoveContact(contact.Id);
        var group = skillSets.GetOrAdd(contact.RequiredSkills, agents.Values);
        if (group.Contacts.Count == 0)
        {
            skillSets.NoteFilled();
        }
        var entry = new ContactEntry(contact, group);
        group.Contacts.Add(entry);
        contacts.Add(contact.Id, entry);
        Reindex(group);
    }

    public bool RemoveContact(Guid contactId)
    {
        if (!contacts.Remove(contactId, out var entry))
        {
            return false;
        }
        entry.Group.Contacts.Remove(entry);
        Reindex(entry.Group);
        if (entry.Group.Contacts.Count == 0)
        {
            skillSets.NoteEmptied();
        }
        return true;
    }

    /// <summary>
    /// Makes one decision and applies it: the contact leaves the board and the counsellor's active contacts go up
    /// by one. Returns null when no waiting contact has an eligible counsellor.
    /// </summary>
    public RoutingAssignment? Next()
    {
        if (servable.Count == 0)
        {
            return null;
        }

        ContactEntry? bestContact = null;
        AgentState? bestAgent = null;
        var first = servable.Min;
        if (TryPickAgent(first.Group, first.Head, out var agent))
        {
            (bestContact, bestAgent) = (first.Head, agent);
        }
        else
        {
            // Rare path: every free counsellor of the most urgent set declined its head. Walk the sets in head
            // order and each set's contacts in order, never past a contact that cannot beat the best found.
            foreach (var (head, group) in servable)
            {
                if (bestContact is not null && ContactEntryOrder.Instance.Compare(head, bestContact) >= 0)
                {
                    break;
                }
                foreach (var entry in group.Contacts)
                {
                    if (bestContact is not null && ContactEntryOrder.Instance.Compare(entry, bestContact) >= 0)
                    {
                        break;
                    }
                    if (TryPickAgent(group, entry, out agent))
                    {
                        (bestContact, bestAgent) = (entry, agent);
                        break;
                    }
                }
            }
        }

        if (bestContact is null || bestAgent is null)
        {
            return null;
        }
        RemoveContact(bestContact.Contact.Id);
        Unroute(bestAgent);
        bestAgent.Agent = bestAgent.Agent with { ActiveContacts = bestAgent.Agent.ActiveContacts + 1 };
        Route(bestAgent);
        return new RoutingAssignment(bestContact.Contact.Id, bestAgent.Id);
    }

    /// <summary>Repeats <see cref="Next"/> until no contact can be served or <paramref name="max"/> decisions are made.</summary>
    public IReadOnlyList<RoutingAssignment> Drain(int max)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        var assignments = new List<RoutingAssignment>();
        while (assignments.Count < max && Next() is { } assignment)
        {
            assignments.Add(assignment);
        }
        return assignments;
    }

    private bool TryPickAgent(SkillSetGroup group, ContactEntry entry, [NotNullWhen(true)] out AgentState? agent)
    {
        var preferredId = entry.Contact.PreferredAgentId;
        if (preferredId is not null
            && agents.TryGetValue(preferredId, out var preferred)
            && preferred.IsRoutable
            && preferred.Memberships.ContainsKey(group)
            && !entry.Excluded.Contains(preferredId))
        {
            agent = preferred;
            return true;
        }

        var best = group.Agents.Min.Agent;
        if (!entry.Excluded.Contains(best.Id))
        {
            agent = best;
            return true;
        }
        // At most |Excluded| + 1 slots are visited before a non-excluded counsellor turns up.
        foreach (var slot in group.Agents)
        {
            if (!entry.Excluded.Contains(slot.Agent.Id))
            {
                agent = slot.Agent;
                return true;
            }
        }
        agent = null;
        return false;
    }

    // Route and Unroute bracket every change to an agent's key fields: a slot must be removed with the
    // values it was inserted with.
    private void Route(AgentState agent)
    {
        if (!agent.IsRoutable)
        {
            return;
        }
        foreach (var (group, proficiency) in agent.Memberships)
        {
            group.Agents.Add(agent.SlotFor(proficiency));
            if (group.Agents.Count == 1)
            {
                Reindex(group);
            }
        }
    }

    private void Unroute(AgentState agent)
    {
        if (!agent.IsRoutable)
        {
            return;
        }
        foreach (var (group, proficiency) in agent.Memberships)
        {
            group.Agents.Remove(agent.SlotFor(proficiency));
            if (group.Agents.Count == 0)
            {
                Reindex(group);
            }
        }
    }

    /// <summary>Keeps the group in the servable index exactly when it has a contact and a routable counsellor.</summary>
    private void Reindex(SkillSetGroup group)
    {
        var head = group.Contacts.Count > 0 && group.Agents.Count > 0 ? group.Contacts.Min : null;
        if (ReferenceEquals(head, group.IndexedHead))
        {
            return;
        }
        if (group.IndexedHead is not null)
        {
            servable.Remove(new ServableGroup(group.IndexedHead, group));
        }
        if (head is not null)
        {
            servable.Add(new ServableGroup(head, group));
        }
        group.IndexedHead = head;
    }
}
