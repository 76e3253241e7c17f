using Minwon.Core.Korean;


namespace Minwon.Core.TextSafety;

/// <summary>
/// Numbers read out in Sino-Korean digits in speech transcripts ("공일공 일이삼사에 오륙칠팔이요"), also mixed with
/// written digits ("010 이삼사오 6789"). Only runs long enough to be a phone, registration, card or account number
/// count, so ordinary words made of the same syllables stay; a half of a registration number (6 or 7 digits) and an
/// account number count only next to the words that name them (주민, 앞자리 / 계좌, a bank).
/// </summary>
internal static class SpokenDigits
{
    private const int MinDigits = 9;
    private const int MinHalf = 6;
    private const int MaxDigits = 16;

    /// <param name="rewritten">When <paramref name="text"/> is <see cref="SpokenNumbers"/>' rewriting of
    /// <paramref name="original"/>: a run counts when one of its digits was said as a word there.</param>
    public static void Find(string text, List<PiiSpan> spans, SpokenNumbers? rewritten = null, string? original = null)
    {
        // In the rewritten text every digit word that is a number is a digit already; the syllables left are words.
        var written = rewritten is not null;
        // Made at the first digit or digit syllable starting a word: a line without one allocates nothing here (the masker
        // calls this once more on a rewritten line, where only written digits start a run).
        List<(int At, int Value)>? digits = null;
        List<int>? groups = null;
        var i = 0;
        while (i < text.Length)
        {
            if (Digit(text[i], written) < 0 || i > 0 && (Hangul.IsSyllable(text[i - 1]) || char.IsAsciiDigit(text[i - 1])))
            {
                i++;
                continue;
            }

            (digits ??= []).Clear();
            (groups ??= []).Clear();
            var end = Read(text, i, digits, groups, written);
            if (digits.Count >= MinHalf && (rewritten is null ? Spoken(text, digits, digits.Count) : WasSpoken(digits, rewritten, original!)))
            {
                Classify(text, digits, groups, spans, rewritten is not null);
            }

            i = Math.Max(end, i + 1);
        }
    }

    private static bool WasSpoken(List<(int At, int Value)> digits, SpokenNumbers rewritten, string original)
    {
        foreach (var (at, _) in digits)
        {
            if (rewritten.IsSpoken(original, at))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>At least one digit is a Sino-Korean word: runs of written digits alone are NumberRuns' work.</summary>
    private static bool Spoken(string text, List<(int At, int Value)> digits, int count)
    {
        for (var k = 0; k < count; k++)
        {
            if (!char.IsAsciiDigit(text[digits[k].At]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Reads digit syllables in groups split by a space, hyphen, comma or the particle 에 or 의 ("일이삼사에 오륙칠팔").</summary>
    private static int Read(string text, int start, List<(int At, int Value)> digits, List<int> groups, bool written)
    {
        var i = start;
        var inGroup = 0;
        while (i < text.Length && digits.Count <= MaxDigits + 1)
        {
            if (Digit(text[i], written) is var d and >= 0)
            {
                digits.Add((i, d));
                inGroup++;
                i++;
                continue;
            }

            var next = i;
            if (text[next] is '에' or '의')
            {
                next++;
            }

            if (next < text.Length && text[next] is ' ' or '-' or ',')
            {
                next++;
            }

            // Speech fillers between groups: "공일공 어 사팔이일"; 다시 and a lone 에 are how a hyphen is read out
            // ("공일공 다시 일이삼사", "칠이공육일팔 에 일삼사…").
            if (next + 1 < text.Length && text[next - 1] == ' ' && text[next] is '어' or '음' or '아' or '으' or '에' or '의' && text[next + 1] == ' ')
            {
                next += 2;
            }
            else if (text[next - 1] == ' ' && NumberRuns.HyphenWord(text, next) is > 0 and var word && next + word < text.Length && text[next + word] == ' ')
            {
                next += word + 1;
            }

            if (next == i || next >= text.Length || Digit(text[next], written) < 0)
            {
                break;
            }

            groups.Add(inGroup);
            inGroup = 0;
            i = next;
        }

        groups.Add(inGroup);
        return i;
    }

    private static void Classify(string text, List<(int At, int Value)> digits, List<int> groups, List<PiiSpan> spans, bool rewritten = false)
    {
        var last = digits[^1].At;
        var glued = last + 1 < text.Length && Hangul.IsSyllable(text[last + 1]);

        // "오륙칠팔이요", "팔구오구 이에요": a final 이 glued to an ending is the copula, not the digit 2; try without it first.
        // After a syllable without a final consonant the copula drops (사요, 오예요), so "사이요" is tried as 4 2 first, and
        // before 입니다 or 인데요 (the copula itself) the 이 is a digit.
        var copula = glued && text[last] == '이' && text[last + 1] is not ('입' or '인');
        if (copula && digits.Count > 1 && digits[^2].At == last - 1 && Hangul.IsSyllable(text[last - 1]) && !Hangul.HasTail(text[last - 1])
            && (rewritten || Spoken(text, digits, digits.Count)) && Kind(text, digits, digits.Count, [.. groups]) is { } whole)
        {
            spans.Add(new PiiSpan(digits[0].At, last + 1, whole));
            return;
        }

        if (copula)
        {
            var lengths = groups.ToArray();
            lengths[^1]--;
            if (lengths[^1] == 0)
            {
                lengths = lengths[..^1];
            }

            if ((rewritten || Spoken(text, digits, digits.Count - 1)) && Kind(text, digits, digits.Count - 1, lengths) is { } trimmed)
            {
                spans.Add(new PiiSpan(digits[0].At, digits[^2].At + 1, trimmed));
                return;
            }

            if (!rewritten && !Spoken(text, digits, digits.Count - 1))
            {
                return;
            }
        }

        if (Kind(text, digits, digits.Count, [.. groups]) is { } kind)
        {
            spans.Add(new PiiSpan(digits[0].At, last + 1, kind));
        }
    }

    private static PiiKind? Kind(string text, List<(int At, int Value)> digits, int count, int[] lengths)
    {
        if (count is < MinHalf or > MaxDigits)
        {
            return null;
        }

        var number = string.Create(count, digits, static (buffer, list) =>
        {
            for (var k = 0; k < buffer.Length; k++)
            {
                buffer[k] = (char)('0' + list[k].Value);
            }
        });
        var start = digits[0].At;
        var end = digits[count - 1].At + 1;
        if (count < MinDigits)
        {
            // "앞자리는 팔칠공구이오", "뒤에는 일영이삼사오육": a half of a registration number, said apart.
            return NumberRuns.IsRrnHalf(number) && PiiContext.NearRrnHalfWord(text, start, end) ? PiiKind.Rrn : null;
        }

        // Read out one syllable at a time ("공 이 일 육 …") the grouping is unknown, as when read out without pauses.
        var dictated = lengths.Length == count;
        if (KoreanPhone.IsPhone(number, dictated ? [] : lengths) || KoreanPhone.IsPhone(number, []) && number.StartsWith("01", StringComparison.Ordinal))
        {
            return PiiKind.Phone;
        }

        if (NumberRuns.IsRrn(number, lengths.Length == 2 ? lengths : [number.Length]))
        {
            return NumberRuns.RrnOrAccount(text, start, end, lengths);
        }

        if (NumberRuns.IsCard(number, [number.Length]) || number.Length == 16 && PiiContext.NearCardWord(text, start, end))
        {
            return PiiKind.Card;
        }

        return number.Length is >= 10 and <= 14 && PiiContext.NearAccountWord(text, start, end) ? PiiKind.Account : null;
    }

    // The digit words are SpokenNumbers' (one table); 빵 only counts there, where the numbers around it decide, and in
    // a rewritten line only written digits are left to read.
    private static int Digit(char c, bool written) =>
        char.IsAsciiDigit(c) ? c - '0' : written || c == '빵' ? -1 : SpokenNumbers.Digit(c);
}
