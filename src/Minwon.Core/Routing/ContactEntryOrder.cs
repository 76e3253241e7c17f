namespace Minwon.Core.Routing;

/// <summary>Most urgent first: highest priority, then earliest enqueued, then id so the order is total.</summary>
internal sealed class ContactEntryOrder : IComparer<ContactEntry>
{
    public static readonly ContactEntryOrder Instance = new();

    public int Compare(ContactEntry? x, ContactEntry? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }
        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }
        var byPriority = y.Contact.Priority.CompareTo(x.Contact.Priority);
        if (byPriority != 0)
        {
            return byPriority;
        }
        var byWait = x.Contact.EnqueuedAt.UtcTicks.CompareTo(y.Contact.EnqueuedAt.UtcTicks);
        return byWait != 0 ? byWait : x.Contact.Id.CompareTo(y.Contact.Id);
    }
}
