namespace Minwon.Core.VisualArs;

/// <summary>The whole menu document: the tree and the forms it opens. Exported and imported as one JSON object.</summary>
public sealed class ArsMenu
{
    public string RootId { get; set; } = "root";
    public List<ArsNode> Nodes { get; set; } = [];
    public List<ArsFormDefinition> Forms { get; set; } = [];

    public ArsNode? Find(string? id) => id is null ? null : Nodes.FirstOrDefault(n => n.Id == id);

    public ArsFormDefinition? FindForm(string? id) => id is null ? null : Forms.FirstOrDefault(f => f.Id == id);

    public ArsNode? Root => Find(RootId);

    public IEnumerable<ArsNode> ChildrenOf(ArsNode node) =>
        node.Children.Select(Find).OfType<ArsNode>();

    /// <summary>Root-first path to a node, or empty when the node is not reachable from the root.</summary>
    public IReadOnlyList<ArsNode> PathTo(string id)
    {
        var parents = new Dictionary<string, string>();
        var queue = new Queue<string>([RootId]);
        var seen = new HashSet<string> { RootId };
        while (queue.Count > 0)
        {
            var current = queue.Dequeue();
            foreach (var child in Find(current)?.Children ?? [])
            {
                if (seen.Add(child))
                {
                    parents[child] = current;
                    queue.Enqueue(child);
                }
            }
        }

        if (!seen.Contains(id) || Find(id) is null)
        {
            return [];
        }

        var path = new List<ArsNode>();
        for (var at = id; ; at = parents[at])
        {
            path.Add(Find(at)!);
            if (at == RootId)
            {
                break;
            }
        }

        path.Reverse();
        return path;
    }

    public ArsMenu Clone() => ArsJson.Deserialize(ArsJson.Serialize(this));
}
