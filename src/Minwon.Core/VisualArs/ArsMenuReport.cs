namespace Minwon.Core.VisualArs;

/// <summary>Menu analytics over a period: per node, and the rates supervisors watch.</summary>
public sealed record ArsMenuReport(
    int Sessions,
    IReadOnlyList<ArsNodeStats> Nodes,
    int FormSessions,
    int CompletedFormSessions,
    int HandoffSessions)
{
    /// <summary>Of the sessions that opened a form, the share that filed it; null without any.</summary>
    public double? SelfServiceCompletionRate => FormSessions == 0 ? null : (double)CompletedFormSessions / FormSessions;

    public double? HandoffRate => Sessions == 0 ? null : (double)HandoffSessions / Sessions;
}
