namespace Minwon.Core.Routing;

/// <summary>Orders servable skill sets by their heads; heads are distinct contacts, so the order is total.</summary>
internal sealed class ServableGroupOrder : IComparer<ServableGroup>
{
    public static readonly ServableGroupOrder Instance = new();

    public int Compare(ServableGroup x, ServableGroup y) => ContactEntryOrder.Instance.Compare(x.Head, y.Head);
}
