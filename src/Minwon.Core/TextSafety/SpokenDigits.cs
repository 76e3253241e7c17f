using Minwon.Core.Korean;

namespace Minwon.Core.TextSafety;

/// <summary>
/// Numbers read out in Sino-Korean digits in speech transcripts ("공일공 일이삼사 오륙칠팔이요"). Only runs long
/// enough to be a phone or registration number count, so ordinary words made of the same syllables are left alone.
/// </summary>
internal static class SpokenDigits
{
    private const int MinDigits = 9;

    public static void Find(string text, List<PiiSpan> spans)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (Digit(text[i]) < 0 || i > 0 && Hangul.IsSyllable(text[i - 1]))
            {
                i++;
                continue;
            }

            var end = i;
            var last = i;
            var count = 0;
            var groups = new List<int>();
            var inGroup = 0;
            while (end < text.Length)
            {
                if (Digit(text[end]) >= 0)
                {
                    count++;
                    inGroup++;
                    last = end;
                    end++;
                }
                else if (text[end] is ' ' or '-' or ',' && end + 1 < text.Length && Digit(text[end + 1]) >= 0)
                {
                    groups.Add(inGroup);
                    inGroup = 0;
                    end++;
                }
                else
                {
                    break;
                }
            }

            // "오륙칠팔이요": a digit word glued to an ending is the copula 이, not the digit 2.
            if (last + 1 < text.Length && Hangul.IsSyllable(text[last + 1]) && text[last] == '이' && inGroup > 4)
            {
                last--;
                count--;
                inGroup--;
            }

            groups.Add(inGroup);
            if (count >= MinDigits)
            {
                Classify(text, i, last + 1, count, groups, spans);
            }

            i = end + 1;
        }
    }

    private static void Classify(string text, int start, int end, int count, List<int> groups, List<PiiSpan> spans)
    {
        var digits = new char[count];
        var n = 0;
        for (var k = start; k < end; k++)
        {
            if (Digit(text[k]) is var d and >= 0)
            {
                digits[n++] = (char)('0' + d);
            }
        }

        var number = new string(digits);
        var lengths = groups.ToArray();
        if (KoreanPhone.IsPhone(number, lengths) || KoreanPhone.IsPhone(number, []) && groups.Count == 1)
        {
            spans.Add(new PiiSpan(start, end, PiiKind.Phone));
        }
        else if (NumberRuns.IsRrn(number, lengths))
        {
            spans.Add(new PiiSpan(start, end, PiiKind.Rrn));
        }
        else if (NumberRuns.IsCard(number, lengths.Length == 4 ? lengths : [number.Length]))
        {
            spans.Add(new PiiSpan(start, end, PiiKind.Card));
        }
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
