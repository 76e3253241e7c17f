namespace Minwon.Core.TextSafety;

/// <summary>
/// The quality bar of issues 4 and 13, checked by the CI test and by `minwon text eval`: every registration, phone
/// and card number masked, 97 % of all spans masked and 95 % of every kind with at least 10 spans, at most 1 % of
/// look-alike lines touched; abuse F1 at least 0.85 and at most 2 % of ordinary angry complaints flagged.
/// </summary>
public static class QualityFloors
{
    public const double MaskedRecall = 0.97;
    public const double KindMaskedRecall = 0.95;
    public const int KindMinimumSpans = 10;
    public const double LookalikeFalsePositives = 0.01;
    public const double AbuseF1 = 0.85;
    public const double AngryFlagged = 0.02;

    private static readonly PiiKind[] MustAllBeMasked = [PiiKind.Rrn, PiiKind.Phone, PiiKind.Card];

    public static IEnumerable<string> Check(PiiEvalReport report)
    {
        if (report.MaskedRecall < MaskedRecall)
        {
            yield return $"PII masked recall {report.MaskedRecall:P2} is below {MaskedRecall:P0}";
        }

        foreach (var kind in MustAllBeMasked)
        {
            if (report.Kinds.TryGetValue(kind, out var f) && f.Masked < f.Gold)
            {
                yield return $"{f.Gold - f.Masked} {kind.WireName()} span(s) left unmasked";
            }
        }

        foreach (var (kind, f) in report.Kinds)
        {
            if (f.Gold >= KindMinimumSpans && f.MaskedRecall < KindMaskedRecall)
            {
                yield return $"{kind.WireName()} masked recall {f.MaskedRecall:P2} is below {KindMaskedRecall:P0}";
            }
        }

        if (report.FalsePositiveLineRate > LookalikeFalsePositives)
        {
            yield return $"look-alike false positives {report.FalsePositiveLineRate:P2} exceed {LookalikeFalsePositives:P0}";
        }
    }

    /// <summary>
    /// Public online comments (K-MHaS, BEEP!; issue 13), with the sources' labels: measured F1 0.763 on the dev split, 0.762
    /// on the held-out one (2026-12-07: BEEP!'s offensive-only lines are no longer flagged, by decision; 0.775 / 0.768 and
    /// 0.764 / 0.757 before). Not raised: this pass did not improve it.
    /// </summary>
    public const double PublicCommentsF1 = 0.75;

    /// <summary>
    /// The public comment lines whose source definition matches Minwon's (file name holds "aligned": BEEP!'s offensive-only
    /// lines left out, issue 13 third pass): measured F1 0.813 on dev, 0.809 on the held-out view (2026-12-07; the
    /// second-pass model 0.803 / 0.797).
    /// </summary>
    public const double PublicAlignedF1 = 0.79;

    /// <summary>
    /// Held-apart counsellor-domain test set: measured F1 0.941 and 1.1 % (1 of 87) of angry complaints flagged with the
    /// 2026-12-07 model (before: F1 0.918 and 3 of 87; 0.893 and 3 of 87). Issue 13's goal is 1 % (0 of 87), not met by one
    /// line: the floor guards what was reached.
    /// </summary>
    public const double HeldOutDomainF1 = 0.92;
    public const double HeldOutDomainAngryFlagged = 0.02;

    /// <summary>Obfuscated abuse at counsellors (ㅅㅂ, 시.발, tlqkf): 100 % (42 of 42) on the held-apart set, 100 % on the dev sets.</summary>
    public const double ObfuscatedRecall = 0.95;

    /// <summary>Floors by set: public comment data (file name holds "public"), the held-apart domain set, else the dev sets.</summary>
    public static IEnumerable<string> Check(AbuseEvalReport report, string fileName = "")
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(fileName);
        var isPublic = fileName.Contains("public", StringComparison.OrdinalIgnoreCase);
        var aligned = isPublic && fileName.Contains("aligned", StringComparison.OrdinalIgnoreCase);
        var heldOut = fileName.Contains("counsellor-test", StringComparison.OrdinalIgnoreCase);
        var floor = aligned ? PublicAlignedF1 : isPublic ? PublicCommentsF1 : heldOut ? HeldOutDomainF1 : AbuseF1;
        var angry = heldOut ? HeldOutDomainAngryFlagged : AngryFlagged;
        var (_, _, f1) = report.Binary();
        if (f1 < floor)
        {
            yield return $"abuse F1 {f1:0.000} is below {floor}";
        }

        if (report.GroupLines("obfuscated") > 0 && report.FlaggedRate("obfuscated") < ObfuscatedRecall)
        {
            yield return $"{report.FlaggedRate("obfuscated"):P1} of obfuscated abuse flagged, below {ObfuscatedRecall:P0}";
        }

        if (report.FlaggedRate("angry") > angry)
        {
            yield return $"{report.FlaggedRate("angry"):P1} of angry complaints flagged, above {angry:P0}";
        }
    }
}
