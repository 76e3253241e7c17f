using Microsoft.AspNetCore.DataProtection;
using Minwon.Core.TextSafety;

namespace Minwon.Server.Features.TextSafety;

/// <summary>
/// Runs on every message before it is stored: masks personal data (the original is kept only encrypted, for
/// authorised, access-logged reveal) and classifies abuse in citizens' messages.
/// </summary>
public sealed class TextGuard(PiiMasker masker, AbuseDetector abuse, IDataProtectionProvider protection)
{
    public const string Purpose = "Minwon.Message.Original.v1";

    private readonly IDataProtector protector = protection.CreateProtector(Purpose);

    public SafeText Inspect(string text, bool checkAbuse)
    {
        var masked = masker.Mask(text);
        var verdict = checkAbuse ? abuse.Classify(text) : AbuseVerdict.Clean;
        var changed = masked.Spans.Count > 0;
        return new SafeText(masked.Masked, changed ? protector.Protect(text) : null,
            AbuseLabels.WireName(verdict.Label), verdict.Score, masked.Spans.Count);
    }

    public string Mask(string text) => masker.Mask(text).Masked;

    public string Unprotect(string protectedText) => protector.Unprotect(protectedText);
}
