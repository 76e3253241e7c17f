namespace Minwon.Core.VisualArs;

/// <param name="Exits">Sessions whose last step was viewing this node without completing or handing off: where people drop out.</param>
public sealed record ArsNodeStats(string NodeId, string Label, ArsNodeKind? Kind, int Visits, int Sessions, int Exits, int Completions, int Handoffs)
{
    public double? ExitRate => Sessions == 0 ? null : (double)Exits / Sessions;
}
