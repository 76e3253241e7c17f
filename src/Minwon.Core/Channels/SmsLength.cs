using System.Text;

namespace Minwon.Core.Channels;

/// <summary>The kinds a Korean carrier bills and delivers a text message as.</summary>
public enum SmsKind
{
    /// <summary>Short message: at most 90 bytes in EUC-KR.</summary>
    Sms,

    /// <summary>Long message: at most 2,000 bytes in EUC-KR.</summary>
    Lms,

    /// <summary>Longer than any text message may be; it cannot go out as written.</summary>
    TooLong,
}

/// <summary>
/// Korean carriers count a text message in EUC-KR bytes: 1 per ASCII character, 2 per Hangul syllable. A character
/// EUC-KR cannot hold (one of the 8,822 syllables outside KS X 1001, an emoji) is counted as 2 bytes, what the gateways'
/// CP949 encoding spends on most of them, so a message judged to fit does fit.
/// </summary>
public static class SmsLength
{
    public const int SmsBytes = 90;
    public const int LmsBytes = 2000;

    private static readonly Encoding EucKr = CreateEncoding();

    public static int Bytes(string text) => EucKr.GetByteCount(text);

    public static SmsKind KindOf(string text) => Bytes(text) switch
    {
        <= SmsBytes => SmsKind.Sms,
        <= LmsBytes => SmsKind.Lms,
        _ => SmsKind.TooLong,
    };

    /// <summary>The longest prefix of <paramref name="text"/> (whole characters) that fits in <paramref name="maxBytes"/>.</summary>
    public static string Cut(string text, int maxBytes)
    {
        if (Bytes(text) <= maxBytes)
        {
            return text;
        }

        var low = 0;
        var high = text.Length;
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            if (Bytes(text[..mid]) <= maxBytes)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        // Never split a surrogate pair.
        if (low > 0 && char.IsHighSurrogate(text[low - 1]))
        {
            low--;
        }

        return text[..low];
    }

    private static Encoding CreateEncoding()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(51949, new EncoderReplacementFallback("??"), DecoderFallback.ReplacementFallback);
    }
}
