using Minwon.Core.Korean;


namespace Minwon.Core.TextSafety;

/// <summary>
/// Numbers read out in Sino-Korean digits in speech transcripts ("공일공 일이삼사에 오륙칠팔이요"). Only runs long
/// enough to be a phone, registration or card number count, so ordinary words made of the same syllables stay.
/// </summary>
internal static class SpokenDigits
{
    private const int MinDigits = 9;
    private const int MaxDigits = 16;

    public static void Find(string text, List<PiiSpan> spans)
    {
        var digits = new List<(int At, int Value)>();
        var groups = new List<int>();
        var i = 0;
        while (i < text.Length)
        {
            if (Digit(text[i]) < 0 || i > 0 && Hangul.IsSyllable(text[i - 1]))
            {
                i++;
                continue;
            }

            digits.Clear();
            groups.Clear();
            var end = Read(text, i, digits, groups);
            if (digits.Count >= MinDigits)
            {
                Classify(text, digits, groups, spans);
            }

            i = Math.Max(end, i + 1);
        }
    }

    /// <summary>Reads digit syllables in groups split by a space, hyphen, comma or the particle 에 ("일이삼사에 오륙칠팔").</summary>
    private static int Read(string text, int start, List<(int At, int Value)> digits, List<int> groups)
    {
        var i = start;
        var inGroup = 0;
        while (i < text.Length && digits.Count <= MaxDigits + 1)
        {
            if (Digit(text[i]) is var d and >= 0)
            {
                digits.Add((i, d));
                inGroup++;
                i++;
                continue;
            }

            var next = i;
            if (text[next] == '에')
            {
                next++;
            }

            if (next < text.Length && text[next] is ' ' or '-' or ',')
            {
                next++;
            }

            // Speech fillers between groups: "공일공 어 사팔이일"; 다시 and a lone 에 are how a hyphen is read out
            // ("공일공 다시 일이삼사", "칠이공육일팔 에 일삼사…").
            if (next + 1 < text.Length && text[next - 1] == ' ' && text[next] is '어' or '음' or '아' or '으' or '에' && text[next + 1] == ' ')
            {
                next += 2;
            }
            else if (next + 2 < text.Length && text[next - 1] == ' ' && text[next] == '다' && text[next + 1] == '시' && text[next + 2] == ' ')
            {
                next += 3;
            }

            if (next == i || next >= text.Length || Digit(text[next]) < 0)
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

    private static void Classify(string text, List<(int At, int Value)> digits, List<int> groups, List<PiiSpan> spans)
    {
        var last = digits[^1].At;
        var glued = last + 1 < text.Length && Hangul.IsSyllable(text[last + 1]);

        // "오륙칠팔이요", "팔구오구 이에요": a final 이 glued to an ending is the copula, not the digit 2; try without it first.
        if (glued && text[last] == '이')
        {
            var lengths = groups.ToArray();
            lengths[^1]--;
            if (lengths[^1] == 0)
            {
                lengths = lengths[..^1];
            }

            if (Kind(digits, digits.Count - 1, lengths) is { } trimmed)
            {
                spans.Add(new PiiSpan(digits[0].At, digits[^2].At + 1, trimmed));
                return;
            }
        }

        if (Kind(digits, digits.Count, [.. groups]) is { } kind)
        {
            spans.Add(new PiiSpan(digits[0].At, last + 1, kind));
        }
    }

    private static PiiKind? Kind(List<(int At, int Value)> digits, int count, int[] lengths)
    {
        if (count is < MinDigits or > MaxDigits)
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
        // Read out one syllable at a time ("공 이 일 육 …") the grouping is unknown, as when read out without pauses.
        var dictated = lengths.Length == count;
        if (KoreanPhone.IsPhone(number, dictated ? [] : lengths) || KoreanPhone.IsPhone(number, []) && number.StartsWith("01", StringComparison.Ordinal))
        {
            return PiiKind.Phone;
        }

        if (NumberRuns.IsRrn(number, lengths.Length == 2 ? lengths : [number.Length]))
        {
            return PiiKind.Rrn;
        }

        return NumberRuns.IsCard(number, [number.Length]) ? PiiKind.Card : null;
    }

    private static int Digit(char c) => c switch
    {
        '공' or '영' => 0,
        '일' => 1,
        '이' => 2,
        '삼' => 3,
        '사' => 4,
        '오' => 5,
        '육' or '륙' => 6,
        '칠' => 7,
        '팔' => 8,
        '구' => 9,
        _ => -1,
    };
}
