using Minwon.Core.VisualArs;

namespace Minwon.Server.Features.VisualArs;

/// <summary>The parsed live menu, by version id: a publish on any node makes a new id, so no invalidation is needed.</summary>
public sealed class ArsMenuCache
{
    private volatile Tuple<int, ArsMenu>? current;

    public ArsMenu? TryGet(int version) => current is { } c && c.Item1 == version ? c.Item2 : null;

    public void Set(int version, ArsMenu menu) => current = Tuple.Create(version, menu);
}
