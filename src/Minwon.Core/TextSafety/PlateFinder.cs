using Minwon.Core.Korean;

namespace Minwon.Core.TextSafety;

/// <summary>
/// Vehicle plates: two or three digits, one plate syllable, four digits ("12가3456", "123가 4567"), optionally after a
/// region ("서울12가3456"); spaces may stand between the parts ("서울 12 가 3456"), and the digits may be dictated one
/// by one ("1 2 가 3 4 5 6") or read out in Sino-Korean words next to a word for a car ("번호판이 삼사 가 오육칠팔").
/// Also driver's licences written with the region name ("서울 12-345678-90").
/// </summary>
internal static class PlateFinder
{
    private const string PlateSyllables = "가나다라마거너더러머버서어저고노도로모보소오조구누두루무부수우주아바사자배하허호";

    private static readonly string[] Regions =
    [
        "서울", "부산", "대구", "인천", "광주", "대전", "울산", "세종", "경기", "강원", "충북", "충남", "전북", "전남",
        "경북", "경남", "제주",
    ];

    // A space-separated plate must not be a room followed by a number ("302호 1234"), so the spaced form drops 호.
    private const string SpacedExcluded = "호";

    private const string Counters = "원년번호개명동층분초살건회월일시대장권";

    public static void Find(string text, List<PiiSpan> spans)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (PlateSyllables.IndexOf(text[i]) < 0 || i < 2)
            {
                continue;
            }

            // "12가3456", or as speech-to-text and hurried typing write it, "12 가 3456".
            var digitsEnd = char.IsAsciiDigit(text[i - 1]) ? i : i >= 3 && text[i - 1] == ' ' && char.IsAsciiDigit(text[i - 2]) ? i - 1 : -1;
            if (digitsEnd < 0)
            {
                continue;
            }

            var digitsStart = digitsEnd;
            while (digitsStart > 0 && char.IsAsciiDigit(text[digitsStart - 1]))
            {
                digitsStart--;
            }

            var lead = digitsEnd - digitsStart;
            // Dictated: "1 2 가", "7 0 사": single digits with single spaces between them.
            while (digitsEnd - digitsStart == 1 && lead < 3 && digitsStart >= 2 && text[digitsStart - 1] == ' '
                && char.IsAsciiDigit(text[digitsStart - 2]) && (digitsStart == 2 || !char.IsAsciiDigit(text[digitsStart - 3])))
            {
                digitsStart -= 2;
                digitsEnd = digitsStart + 1;
                lead++;
            }
            // Old plates have one digit after the region ("서울 3 가 5821", "부산1나3378"): only with the region before them.
            var oldRegional = lead == 1 && RegionStart(text, digitsStart) < digitsStart;
            if (lead is not (2 or 3) && !oldRegional || digitsStart > 0 && (char.IsAsciiLetter(text[digitsStart - 1]) || text[digitsStart - 1] is '-' or '.' or ','))
            {
                continue;
            }

            var tail = i + 1;
            var spaced = tail < text.Length && text[tail] == ' ';
            if (spaced && SpacedExcluded.IndexOf(text[i]) >= 0 && text[i - 1] != ' ')
            {
                continue;
            }

            if (spaced)
            {
                tail++;
            }

            var end = FourDigits(text, tail) ? tail + 4 : DictatedFour(text, tail);
            if (end < 0)
            {
                continue;
            }

            // "1234번 차량" is a plate; "1234번지" is a lot number.
            if (end < text.Length && Counters.IndexOf(text[end]) >= 0 && !(text[end] == '번' && (end + 1 == text.Length || text[end + 1] != '지')))
            {
                continue;
            }

            spans.Add(new PiiSpan(RegionStart(text, digitsStart), end, PiiKind.VehiclePlate));
            i = end - 1;
        }

        FindRegionalLicences(text, spans);
        FindSpoken(text, spans);
        FindMotorcycles(text, spans);
    }

    /// <summary>"서울 강남 가 1234", "서울 마포 바 7708": a motorcycle's plate names the region and the district (one word
    /// of two or three syllables), then a plate syllable and four digits, each part a word of its own.</summary>
    private static void FindMotorcycles(string text, List<PiiSpan> spans)
    {
        // One pass for " 가 " (a plate syllable alone) before four digits; the region and district are looked for only there.
        for (var syllable = 6; syllable + 6 <= text.Length; syllable++)
        {
            if (text[syllable - 1] != ' ' || text[syllable + 1] != ' ' || PlateSyllables.IndexOf(text[syllable]) < 0)
            {
                continue;
            }

            var tail = syllable + 2;
            var end = FourDigits(text, tail) ? tail + 4 : DictatedFour(text, tail);
            if (end < 0 || end < text.Length && Counters.IndexOf(text[end]) >= 0)
            {
                continue;
            }

            var districtEnd = syllable - 1;
            var district = districtEnd;
            while (district > 0 && Hangul.IsSyllable(text[district - 1]) && districtEnd - district < 4)
            {
                district--;
            }

            var at = district - 3;
            if (districtEnd - district is not (2 or 3) || at < 0 || text[district - 1] != ' ' || at > 0 && Hangul.IsSyllable(text[at - 1])
                || RegionStart(text, at + 2) != at)
            {
                continue;
            }

            spans.Add(new PiiSpan(at, end, PiiKind.VehiclePlate));
            syllable = end;
        }
    }

    /// <summary>"3 4 5 6": four digits dictated one by one; returns the end, or -1.</summary>
    private static int DictatedFour(string text, int at)
    {
        if (at + 7 > text.Length)
        {
            return -1;
        }

        for (var k = 0; k < 7; k++)
        {
            if (k % 2 == 0 ? !char.IsAsciiDigit(text[at + k]) : text[at + k] != ' ')
            {
                return -1;
            }
        }

        var end = at + 7;
        var more = end < text.Length && char.IsAsciiDigit(text[end]) || end + 1 < text.Length && text[end] == ' ' && char.IsAsciiDigit(text[end + 1]);
        return more ? -1 : end;
    }

    private const string SinoDigits = "공영일이삼사오육륙칠팔구";

    private static readonly string[] CarWords = ["번호", "차", "택시", "트럭", "버스", "오토바이"];

    /// <summary>"번호판이 삼사 가 오육칠팔": two or three Sino-Korean digits, a plate syllable, four digits, each part a
    /// word of its own, with a word for a car or a number nearby (so "이사 가 ..." stays).</summary>
    private static void FindSpoken(string text, List<PiiSpan> spans)
    {
        for (var i = 2; i + 6 < text.Length; i++)
        {
            if (text[i] != ' ' || PlateSyllables.IndexOf(text[i + 1]) < 0 || text[i + 2] != ' ')
            {
                continue;
            }

            var start = i;
            while (start > 0 && SinoDigits.IndexOf(text[start - 1]) >= 0)
            {
                start--;
            }

            var tail = i + 3;
            var end = tail;
            while (end < text.Length && SinoDigits.IndexOf(text[end]) >= 0)
            {
                end++;
            }

            // An ending may follow the four digits ("오육칠팔이에요", "칠구삼육인데요"); a fifth digit word 이 before one is
            // the copula ("육칠륙사이고요").
            if (end - tail == 5 && text[end - 1] == '이' && end < text.Length && Hangul.IsSyllable(text[end]))
            {
                end--;
            }

            if (i - start is not (2 or 3) || end - tail != 4 || start > 0 && Hangul.IsSyllable(text[start - 1])
                || end < text.Length && Hangul.IsSyllable(text[end]) && !Ending(text, end) || !NearCarWord(text, start, end))
            {
                continue;
            }

            spans.Add(new PiiSpan(start, end, PiiKind.VehiclePlate));
            i = end;
        }
    }

    // Matched as starts: 이 covers 이에요, 이요, 이고 and 이었; 인 covers 인데; 에 covers 에요.
    private static readonly string[] Endings = ["이", "입니다", "인", "예요", "에", "요", "가", "고", "는", "로", "였", "라"];

    /// <summary>A particle or ending glued after a plate read out ("… 오육칠팔이에요", "… 칠구삼육인데요").</summary>
    private static bool Ending(string text, int at)
    {
        var rest = text.AsSpan(at);
        foreach (var ending in Endings)
        {
            if (rest.StartsWith(ending, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool NearCarWord(string text, int start, int end)
    {
        var from = Math.Max(0, start - 16);
        var window = text.AsSpan(from, Math.Min(text.Length, end + 8) - from);
        foreach (var word in CarWords)
        {
            if (window.Contains(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool FourDigits(string text, int at) =>
        at + 4 <= text.Length
        && char.IsAsciiDigit(text[at]) && char.IsAsciiDigit(text[at + 1]) && char.IsAsciiDigit(text[at + 2]) && char.IsAsciiDigit(text[at + 3])
        && (at + 4 == text.Length || !char.IsAsciiDigit(text[at + 4]));

    private static int RegionStart(string text, int digitsStart)
    {
        var at = digitsStart > 0 && text[digitsStart - 1] == ' ' ? digitsStart - 1 : digitsStart;
        foreach (var region in Regions)
        {
            if (at >= 2 && string.CompareOrdinal(text, at - 2, region, 0, 2) == 0)
            {
                return at - 2;
            }
        }

        return digitsStart;
    }

    /// <summary>"서울 12-345678-90" or "경기12-345678-90": old licences name the region instead of its code.</summary>
    private static void FindRegionalLicences(string text, List<PiiSpan> spans)
    {
        foreach (var region in Regions)
        {
            var from = 0;
            while (from < text.Length && text.IndexOf(region, from, StringComparison.Ordinal) is var at and >= 0)
            {
                from = at + region.Length;
                var i = from < text.Length && text[from] == ' ' ? from + 1 : from;
                if (Shape(text, i, out var end))
                {
                    spans.Add(new PiiSpan(at, end, PiiKind.DriverLicense));
                    from = end;
                }
            }
        }
    }

    private static bool Shape(string text, int i, out int end)
    {
        end = i + 2 + 1 + 6 + 1 + 2;
        if (end > text.Length || end < text.Length && char.IsAsciiDigit(text[end]))
        {
            return false;
        }

        for (var k = i; k < end; k++)
        {
            var separator = k == i + 2 || k == i + 9;
            if (separator ? text[k] is not ('-' or ' ') : !char.IsAsciiDigit(text[k]))
            {
                return false;
            }
        }

        return true;
    }
}
