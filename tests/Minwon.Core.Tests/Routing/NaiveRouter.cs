using Minwon.Core.Routing;

namespace Minwon.Core.Tests.Routing;

/// <summary>The routing rules written as the obvious full scan, to check the indexed board against.</summary>
internal sealed class NaiveRouter
{
    private readonly Dictionary<string, RoutingAgent> agents = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, RoutingContact> contacts = [];

    public void UpsertAgent(RoutingAgent agent) => agents[agent.Id] = agent;

    public bool RemoveAgent(string id) => agents.Remove(id);

    public void Enqueue(RoutingContact contact) => contacts[contact.Id] = contact;

    public bool RemoveContact(Guid id) => contacts.Remove(id);

    public RoutingAssignment? Next()
    {
        var ordered = contacts.Values
            .OrderByDescending(c => c.Priority)
            .ThenBy(c => c.EnqueuedAt.UtcTicks)
            .ThenBy(c => c.Id);
        foreach (var contact in ordered)
        {
            var eligible = agents.Values.Where(a => IsEligible(a, contact)).ToList();
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
            contacts.Remove(contact.Id);
            agents[chosen.Id] = chosen with { ActiveContacts = chosen.ActiveContacts + 1 };
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
