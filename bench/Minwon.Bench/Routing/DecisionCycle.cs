using Minwon.Core.Routing;

namespace Minwon.Bench.Routing;

/// <summary>
/// Keeps a board full between measured decisions: the consumed contact comes back as a new contact with the
/// same skills and priority at the back of the line, and the counsellor gets its original load back, so every
/// decision is made on a board of the same size and mix.
/// </summary>
internal sealed class DecisionCycle
{
    private readonly Dictionary<string, RoutingAgent> originalAgents;
    private readonly Dictionary<Guid, RoutingContact> waiting;
    private int nextContact;
    private DateTimeOffset clock = RoutingWorkload.Start;

    public DecisionCycle(RoutingWorkload workload)
    {
        Board = workload.NewBoard();
        originalAgents = workload.Agents.ToDictionary(a => a.Id, StringComparer.Ordinal);
        waiting = workload.Contacts.ToDictionary(c => c.Id);
        nextContact = workload.Contacts.Length;
    }

    public RoutingBoard Board { get; }

    public RoutingAssignment Decide() =>
        Board.Next() ?? throw new InvalidOperationException("The workload left no contact that can be served.");

    public void Restore(RoutingAssignment assignment)
    {
        waiting.Remove(assignment.ContactId, out var consumed);
        clock = clock.AddMilliseconds(1);
        var replacement = consumed! with { Id = RoutingWorkload.ContactId(nextContact++), EnqueuedAt = clock };
        waiting.Add(replacement.Id, replacement);
        Board.Enqueue(replacement);
        Board.UpsertAgent(originalAgents[assignment.AgentId]);
    }
}
