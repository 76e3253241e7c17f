namespace Minwon.Core.Korean;

/// <summary>
/// Korean telephone numbers, one set of rules for masking and for forms: mobile (010, 011, 016-019), Seoul (02),
/// regional (031-064), VoIP (070) and 050x personal numbers, each followed by 7 or 8 digits (the last four a group).
/// </summary>
public static class KoreanPhone
{
    /// <param name="number">Digits only, national form starting with 0.</param>
    /// <param name="lengths">Digits per group as written; empty when the grouping is unknown.</param>
    public static bool IsPhone(string number, ReadOnlySpan<int> lengths)
    {
        if (!TrySplit(number, out var prefix, out var rest))
        {
            return false;
        }

        return lengths.Length switch
        {
            0 or 1 => true,
            2 => lengths[0] == prefix || lengths[1] == 4 && lengths[0] == prefix + rest - 4,
            3 => lengths[0] == prefix && lengths[1] is 3 or 4 && lengths[2] == 4,
            _ => false,
        };
    }

    /// <summary>"+82 10 1234 5678", "0212345678", "(031) 123-4567" → 010-1234-5678, 02-1234-5678, 031-123-4567.</summary>
    public static bool TryNormalize(string raw, out string normalized)
    {
        normalized = raw;
        var international = raw.StartsWith("+82", StringComparison.Ordinal);
        if (!international && raw.Any(c => !char.IsAsciiDigit(c) && c is not ('-' or ' ' or '(' or ')' or '.')))
        {
            return false;
        }

        var digits = new string(raw.Where(char.IsAsciiDigit).ToArray());
        if (international && digits.StartsWith("82", StringComparison.Ordinal))
        {
            digits = "0" + digits[2..];
        }

        if (!TrySplit(digits, out var prefix, out var rest))
        {
            return false;
        }

        normalized = $"{digits[..prefix]}-{digits.Substring(prefix, rest - 4)}-{digits[^4..]}";
        return true;
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

    private static bool TrySplit(string digits, out int prefix, out int rest)
    {
        prefix = digits.Length >= 9 && digits[0] == '0' && digits.All(char.IsAsciiDigit) ? PrefixLength(digits) : 0;
        rest = digits.Length - prefix;
        return prefix > 0 && rest is 7 or 8;
    }

    private static int PrefixLength(string n)
    {
        if (n[1] == '2')
        {
            return 2;
        }

        if (n[1] == '1' && n[2] is '0' or '1' or '6' or '7' or '8' or '9')
        {
            return 3;
        }

        if (n[1] is >= '3' and <= '6' && n[2] is >= '1' and <= '5')
        {
            return 3;
        }

        if (n[1] == '7' && n[2] == '0')
        {
            return 3;
        }

        return n[1] == '5' && n[2] == '0' ? 4 : 0;
    }
}
