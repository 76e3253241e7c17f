namespace Minwon.Core.TextSafety;

/// <summary>Korean mobile (010, 011, 016-019), Seoul (02), regional (031-064), VoIP (070) and 050x numbers.</summary>
internal static class KoreanPhone
{
    /// <param name="number">Digits only, national form starting with 0.</param>
    /// <param name="lengths">Digits per group as written; empty when the grouping is unknown.</param>
    public static bool IsPhone(string number, ReadOnlySpan<int> lengths)
    {
        if (number.Length < 9 || number[0] != '0')
        {
            return false;
        }

        var prefix = PrefixLength(number);
        if (prefix == 0)
        {
            return false;
        }

        var rest = number.Length - prefix;
        if (rest is not (7 or 8))
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
