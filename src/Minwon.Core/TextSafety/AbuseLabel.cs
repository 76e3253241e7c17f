namespace Minwon.Core.TextSafety;

/// <summary>What kind of abuse a message carries. <see cref="AbuseLabels.WireName"/> gives the JSON spelling.</summary>
public enum AbuseLabel
{
    None,
    Profanity,
    Insult,
    Threat,
    Sexual,
}
