using System.Text.RegularExpressions;

namespace Minwon.Core.VisualArs;

/// <summary>Korean phone numbers: mobile (010-1234-5678) and area-code landlines (02-123-4567), normalised with hyphens.</summary>
public static partial class KoreanPhone
{
    public static bool TryNormalize(string raw, out string normalized)
    {
        var digits = new string(raw.Where(char.IsAsciiDigit).ToArray());
        if (raw.Any(c => !char.IsAsciiDigit(c) && c is not ('-' or ' ' or '(' or ')' or '.')) && !raw.StartsWith("+82", StringComparison.Ordinal))
        {
            normalized = raw;
            return false;
        }

        if (digits.StartsWith("82", StringComparison.Ordinal) && raw.StartsWith("+82", StringComparison.Ordinal))
        {
            digits = "0" + digits[2..];
        }

        var match = Mobile().Match(digits) is { Success: true } m ? m : Seoul().Match(digits) is { Success: true } s ? s : Area().Match(digits);
        normalized = match.Success ? $"{match.Groups[1].Value}-{match.Groups[2].Value}-{match.Groups[3].Value}" : raw;
        return match.Success;
    }

    public static string LastFour(string phone)
    {
        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        return digits.Length >= 4 ? digits[^4..] : digits;
    }

    /// <summary>For logs and screens that need to hint at a number without revealing it: ***-****-**78.</summary>
    public static string Mask(string? phone)
    {
        var digits = new string((phone ?? "").Where(char.IsAsciiDigit).ToArray());
        return digits.Length < 2 ? "***" : $"***-****-**{digits[^2..]}";
    }

    [GeneratedRegex(@"^(01[016789])(\d{3,4})(\d{4})$")]
    private static partial Regex Mobile();

    [GeneratedRegex(@"^(02)(\d{3,4})(\d{4})$")]
    private static partial Regex Seoul();

    [GeneratedRegex(@"^(0[3-6]\d|070)(\d{3,4})(\d{4})$")]
    private static partial Regex Area();
}
