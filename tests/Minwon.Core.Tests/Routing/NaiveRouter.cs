using Minwon.Core.Routing;

namespace Minwon.Core.Tests.Routing;

/// <summary>The routing rules written as the obvious full scan, to check the indexed board against.</summary>
internal sealed class NaiveRouter
{
    private readonly Dictionary<string, RoutingAgent> _agents = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, RoutingContact> _contacts = [];

    public void UpsertAgent(RoutingAgent agent) => _agents[agent.Id] = agent;

    public bool RemoveAgent(string id) => _agents.Remove(id);

    public void Enqueue(RoutingContact contact) => _contacts[contact.Id] = contact;

    public bool RemoveContact(Guid id) => _contacts.Remove(id);

    public RoutingAssignment? Next()
    {
        var ordered = _contacts.Values
            .OrderByDescending(c => c.Priority)
            .ThenBy(c => c.EnqueuedAt.UtcTicks)
            .ThenBy(c => c.Id);
        foreach (var contact in ordered)
        {
            var eligible = _agents.Values.Where(a => IsEligible(a, contact)).ToList();
            if (eligible.Count == 0)
            {
                continue;
            }
            var chosen = eligible.FirstOrDefault(a => a.Id == contact.PreferredAgentId)
                ?? eligible
                    .OrderBy(a => a.ActiveContacts)
                    .ThenBy(a => a.IdleSince.UtcTicks)
                    .ThenByDescending(a => contact.RequiredSkills.Distinct().Sum(s => a.Skills[s]))
                    .ThenBy(a => a.Id, StringComparer.Ordinal)
                    .First();
            _contacts.Remove(contact.Id);
            _agents[chosen.Id] = chosen with { ActiveContacts = chosen.ActiveContacts + 1 };
            return new RoutingAssignment(contact.Id, chosen.Id);
        }
        return null;
    }

    private static bool IsEligible(RoutingAgent agent, RoutingContact contact) =>
        agent.Presence == Presence.Available
        && agent.ActiveContacts < agent.MaxConcurrent
        && contact.RequiredSkills.All(s => agent.Skills.TryGetValue(s, out var p) && p >= 1)
        && !contact.ExcludedAgents.Contains(agent.Id);
}
