namespace Minwon.Core.TextSafety;

/// <summary>
/// A character trie over normalised terms, read-only after construction (safe to share between threads).
/// Children live in one dictionary keyed by (node, character), which keeps 4,000 terms in a few hundred kilobytes.
/// </summary>
internal sealed class TermTrie
{
    private readonly Dictionary<(int Node, char C), int> children = [];
    private readonly List<AbuseTerm?> terminals = [null];

    public int Count { get; private set; }

    public void Add(AbuseTerm term)
    {
        var node = 0;
        foreach (var c in term.Text)
        {
            if (!children.TryGetValue((node, c), out var next))
            {
                next = terminals.Count;
                terminals.Add(null);
                children.Add((node, c), next);
            }

            node = next;
        }

        // The heavier reading wins when two sources spell the same term.
        if (terminals[node] is not { } existing || existing.Weight < term.Weight)
        {
            if (terminals[node] is null)
            {
                Count++;
            }

            terminals[node] = term;
        }
    }

    /// <summary>Adds the term, overwriting whatever label and weight the same text had.</summary>
    public void Replace(AbuseTerm term)
    {
        Add(term);
        var node = 0;
        foreach (var c in term.Text)
        {
            node = children[(node, c)];
        }

        terminals[node] = term;
    }

    public bool TryStep(int node, char c, out int next) => children.TryGetValue((node, c), out next);

    public AbuseTerm? TermAt(int node) => terminals[node];
}
