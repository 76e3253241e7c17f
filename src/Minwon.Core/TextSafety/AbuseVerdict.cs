namespace Minwon.Core.TextSafety;

/// <summary>
/// The label of a message and the confidence that it is abusive (0..1; low for <see cref="AbuseLabel.None"/>),
/// with the evidence that led to it, so a desk can highlight the words.
/// </summary>
public sealed record AbuseVerdict(AbuseLabel Label, double Score, IReadOnlyList<AbuseEvidence> Evidence)
{
    public static readonly AbuseVerdict Clean = new(AbuseLabel.None, 0, []);

    public bool IsAbusive => Label != AbuseLabel.None;
}
