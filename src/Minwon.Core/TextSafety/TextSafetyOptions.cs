namespace Minwon.Core.TextSafety;

/// <summary>
/// Thresholds, bound from configuration section "Minwon:TextSafety". A message is abusive when the combined score
/// of its evidence for a label reaches that label's threshold (or <see cref="AbuseThreshold"/> when unset).
/// </summary>
public sealed class TextSafetyOptions
{
    public const string Section = "Minwon:TextSafety";

    public double AbuseThreshold { get; set; } = 0.5;

    /// <summary>
    /// With the trained classifier: lexicon evidence at least this strong makes the score at least the lexicon's
    /// (1 turns the override off, so the classifier alone decides).
    /// </summary>
    public double LexiconOverride { get; set; } = 0.9;

    /// <summary>
    /// With the trained classifier: the same override for a line that addresses someone (너, 니가, 당신, 상담원 ...): a
    /// likely term said to the person spoken to stands at this strength (issue 13, session 9; 1 turns it off).
    /// </summary>
    public double AddressedOverride { get; set; } = 0.7;

    /// <summary>
    /// With the trained classifier: how much the logit is lowered for a service complaint that names no one and holds
    /// no lexicon term (anger about a service is not abuse; 0 turns the guard off). Issue 13.
    /// </summary>
    public double ComplaintMargin { get; set; } = 1.0;

    public double? ProfanityThreshold { get; set; }

    public double? InsultThreshold { get; set; }

    public double? ThreatThreshold { get; set; }

    public double? SexualThreshold { get; set; }

    public double ThresholdFor(AbuseLabel label) => label switch
    {
        AbuseLabel.Profanity => ProfanityThreshold ?? AbuseThreshold,
        AbuseLabel.Insult => InsultThreshold ?? AbuseThreshold,
        AbuseLabel.Threat => ThreatThreshold ?? AbuseThreshold,
        AbuseLabel.Sexual => SexualThreshold ?? AbuseThreshold,
        _ => AbuseThreshold,
    };
}
