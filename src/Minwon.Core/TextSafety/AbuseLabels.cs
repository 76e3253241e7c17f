namespace Minwon.Core.TextSafety;

public static class AbuseLabels
{
    /// <summary>Labels from the most to the least serious: a threat with swearing in it is a threat.</summary>
    public static readonly IReadOnlyList<AbuseLabel> BySeverity = [AbuseLabel.Threat, AbuseLabel.Sexual, AbuseLabel.Profanity, AbuseLabel.Insult];

    public static string WireName(this AbuseLabel label) => label switch
    {
        AbuseLabel.None => "none",
        AbuseLabel.Profanity => "profanity",
        AbuseLabel.Insult => "insult",
        AbuseLabel.Threat => "threat",
        AbuseLabel.Sexual => "sexual",
        _ => throw new ArgumentOutOfRangeException(nameof(label)),
    };

    public static bool TryParse(string name, out AbuseLabel label)
    {
        foreach (var candidate in Enum.GetValues<AbuseLabel>())
        {
            if (candidate.WireName() == name)
            {
                label = candidate;
                return true;
            }
        }

        label = default;
        return false;
    }
}
