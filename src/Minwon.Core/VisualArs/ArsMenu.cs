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
    public IReadOnlyList<ArsNode> PathTo(string id) => PathTo(id, Parents());

    /// <summary>The same, with a parent map from Parents() computed once for many lookups.</summary>
    public IReadOnlyList<ArsNode> PathTo(string id, IReadOnlyDictionary<string, string> parents)
    {
        if (Find(id) is null || (id != RootId && !parents.ContainsKey(id)))
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

    /// <summary>Each node reachable from the root mapped to the menu that first lists it (breadth first).</summary>
    public Dictionary<string, string> Parents()
    {
        var byId = new Dictionary<string, ArsNode>();
        foreach (var node in Nodes)
        {
            byId.TryAdd(node.Id, node);
        }

        var parents = new Dictionary<string, string>();
        var queue = new Queue<string>([RootId]);
        var seen = new HashSet<string> { RootId };
        while (queue.Count > 0)
        {
            var current = queue.Dequeue();
            foreach (var child in byId.TryGetValue(current, out var n) ? n.Children : [])
            {
                if (seen.Add(child))
                {
                    parents[child] = current;
                    queue.Enqueue(child);
                }
            }
        }

        return parents;
    }

    public ArsMenu Clone() => ArsJson.Deserialize(ArsJson.Serialize(this));
}
