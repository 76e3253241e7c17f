namespace Minwon.Core.Quality;

/// <summary>Collects findings for the items the scorecard uses; a check skips the work for items it does not.</summary>
internal sealed class FindingList(Scorecard card)
{
    private readonly HashSet<string> enabled = card.ActiveItems.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);

    public List<QualityFinding> Items { get; } = [];

    public bool Wants(string item) => enabled.Contains(item);

    public void Pass(string item, TurnView? turn = null, string? evidence = null) => Add(item, true, turn, evidence);

    public void Fail(string item, TurnView? turn = null, string? evidence = null) => Add(item, false, turn, evidence);

    public void Add(string item, bool passed, TurnView? turn, string? evidence)
    {
        if (!Wants(item))
        {
            return;
        }

        var area = BuiltInItems.TryGet(item, out var a) ? a : card.Items.First(i => i.Id == item).Area;
        Items.Add(new QualityFinding(area, item, turn?.Index, passed, evidence ?? turn?.Excerpt()));
    }
}
