namespace Minwon.Core.IssueAlerting;

/// <summary>Remembers events (time, text, district, channel) for a span of stream time so a re-sent one counts once.</summary>
internal sealed class DuplicateFilter(TimeSpan span)
{
    private readonly HashSet<(long, string, string?, string?)> seen = [];
    private readonly Queue<(long Ticks, (long, string, string?, string?) Id)> order = new();

    public IEnumerable<(long Ticks, string Text, string? District, string? Channel)> Entries => order.Select(entry => entry.Id);

    /// <summary>False when the same event was seen within the span before <paramref name="nowTicks"/>.</summary>
    public bool IsNew((long Ticks, string Text, string? District, string? Channel) id, long nowTicks)
    {
        while (order.Count > 0 && order.Peek().Ticks < nowTicks - span.Ticks)
        {
            seen.Remove(order.Dequeue().Id);
        }

        if (!seen.Add(id))
        {
            return false;
        }

        order.Enqueue((id.Ticks, id));
        return true;
    }
}
