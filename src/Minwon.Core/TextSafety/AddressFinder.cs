using Minwon.Core.Korean;

namespace Minwon.Core.TextSafety;

/// <summary>
/// Address details that point at one home (issue 13): apartment building and unit ("104동 1603호", "B동 1102호",
/// "104-1603호"), floor and room ("3층 302호"), a unit next to a housing word ("오피스텔 1005호"), lot numbers
/// ("역삼동 823-14번지", "상도동 산 65번지", "성수동 12-3") and a road name with its building number ("테헤란로 152",
/// "도산대로 45길 20", "한강대로84길 11-4"). District, neighbourhood and road names alone stay: they are what the
/// issue alerter and the case form need, and they identify nobody.
/// </summary>
/// <remarks>
/// Look-alikes that stay unmasked: subway lines and exits (7호선 3번 출구), typhoon and document numbers (태풍 11호,
/// 제2023-1234호), a floor alone (지하 1층), 종로3가, "맛집 1번지" (the idiom), and a word with the particle 로 followed by
/// an amount or a duration (버스로 30분, 카드로 3만원). Hand-written scanners, linear in the line like the others.
/// </remarks>
internal static class AddressFinder
{
    private const int MaxNumber = 4;

    // Words ending in 로 or 길 that are not road names: the particle 로 after a noun, and generic words.
    private static readonly string[] NotRoads =
    [
        "전화", "문자", "메일", "카드", "버스", "택시", "차", "현금", "주소", "번호", "우편", "팩스", "카톡", "앱", "인터넷", "온라인",
        "서", "새", "바", "따", "주", "별", "도", "경", "통", "진", "선", "항", "수", "활주", "그대", "마음대", "최대", "최소",
        "정말", "실제", "스스", "앞으", "뒤", "위", "아래", "옆으", "이", "그", "저", "어디", "여기", "거기", "저기", "첫", "뒷", "골목",
        "출근", "퇴근", "산책", "가는", "오는", "지름", "갈", "나들", "등산", "비탈", "오솔", "샛", "빗", "눈", "밤", "귀", "외", "한",
    ];

    private static readonly string[] BasementWords = ["반지하", "지하"];

    // Walking trails are named like roads ("서울둘레길 3코스"); their numbers are courses, not buildings.
    private static readonly string[] Trails = ["둘레", "올레", "자락", "숲", "누리", "마실", "갈맷", "해파랑", "순례"];

    private static readonly string[] HousingWords =
    [
        "아파트", "빌라", "오피스텔", "원룸", "투룸", "맨션", "연립", "다세대", "다가구", "주택", "빌딩", "하우스", "타워", "캐슬", "자이",
        "래미안", "푸르지오", "힐스테이트", "아이파크", "e편한", "더샵", "롯데캐슬", "집", "사는", "살아", "살고", "거주",
    ];

    // What follows a number that makes it an amount, a time or a count instead of a building number (천, 백 and 일 of an
    // amount or a date written half in words, 대 of vehicles).
    private const string Counters = PiiContext.CounterSyllables + "천백일대";

    public static void Find(string text, List<PiiSpan> spans)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '동' or '층')
            {
                FindUnit(text, i, spans);
            }
            else if (c == '호')
            {
                FindHousingUnit(text, i, spans);
            }
            else if (c == '번' && i + 1 < text.Length && text[i + 1] == '지')
            {
                FindLot(text, i, spans);
            }
            else if (c is '로' or '길')
            {
                FindRoad(text, i, spans);
            }
            else if (c == '-' && i > 0 && char.IsAsciiDigit(text[i - 1]))
            {
                FindBareLot(text, i, spans);
            }
        }
    }

    /// <summary>"104동 1603호", "B동 1102호", "3층 302호": a building or floor, then a unit ending in 호.</summary>
    private static void FindUnit(string text, int marker, List<PiiSpan> spans)
    {
        var idEnd = marker > 0 && text[marker - 1] == ' ' ? marker - 1 : marker;
        var idStart = idEnd;
        while (idStart > 0 && char.IsAsciiDigit(text[idStart - 1]) && idEnd - idStart < MaxNumber)
        {
            idStart--;
        }

        var spoken = false;
        if (idStart == idEnd && text[marker] == '동' && idEnd > 0 && char.IsAsciiLetter(text[idEnd - 1]))
        {
            idStart = idEnd - 1;
        }
        else if (idStart == idEnd && text[marker] == '동' && idEnd > 0 && BuildingLetters.Contains(text[idEnd - 1])
            && (idEnd == 1 || !Hangul.IsSyllable(text[idEnd - 2])))
        {
            // "가동 201호", "나동 102호": buildings of a villa named by letters of the alphabet.
            idStart = idEnd - 1;
            spoken = true;
        }
        else if (idStart == idEnd)
        {
            // Read out in Sino-Korean numbers, as speech-to-text writes them: "백사동 천육백삼호", "삼층 삼백이호".
            idStart = SinoStart(text, idEnd);
            spoken = idStart < idEnd;
        }

        if (idStart == idEnd || idStart > 0 && (char.IsAsciiLetterOrDigit(text[idStart - 1]) || spoken && Hangul.IsSyllable(text[idStart - 1])))
        {
            return;
        }

        // "지하 2층 B207호": a basement floor said before the floor's number belongs to the unit's address.
        var unitStart = text[marker] == '층' && idStart >= 3 && text[idStart - 1] == ' ' && text.AsSpan(idStart - 3, 2) is "지하"
            && (idStart == 3 || !Hangul.IsSyllable(text[idStart - 4])) ? idStart - 3 : idStart;

        var at = SkipSpaces(text, marker + 1, 1);
        if (text[marker] == '동' && text.AsSpan(at).StartsWith("지하 ") && at + 3 < text.Length && char.IsAsciiDigit(text[at + 3]))
        {
            // "가동 지하 1호", "B동 지하 101호": a basement unit of a building.
            at += 3;
        }

        if (at < text.Length && char.IsAsciiLetter(text[at]))
        {
            at++;
        }
        else if (text[marker] == '층' && text.AsSpan(at).StartsWith("비") && at + 2 < text.Length
            && (char.IsAsciiDigit(text[at + 1]) || text[at + 1] == ' ' && char.IsAsciiDigit(text[at + 2])))
        {
            // "지하 1층 비 102호": the letter B said in Hangul before a unit's number.
            at = SkipSpaces(text, at + 1, 1);
        }

        var digits = CountDigits(text, at);
        if (digits == 0 && SinoLength(text, at) is var sino and > 0 && at + sino < text.Length && text[at + sino] == '호'
            && SinoValue(text.AsSpan(at, sino)) is >= 101 and <= 9999)
        {
            spans.Add(new PiiSpan(unitStart, at + sino + 1, PiiKind.Address));
            return;
        }

        if (digits is < 1 or > MaxNumber)
        {
            return;
        }

        var end = SkipSpaces(text, at + digits, 1);
        if (end < text.Length && text[end] == '호' && !(end + 1 < text.Length && text[end + 1] is '선' or '차' or '기'))
        {
            spans.Add(new PiiSpan(unitStart, end + 1, PiiKind.Address));
        }
    }

    /// <summary>"104-1603호", and "1005호" when a housing word or 집/사는 is near.</summary>
    private static void FindHousingUnit(string text, int marker, List<PiiSpan> spans)
    {
        if (marker + 1 < text.Length && text[marker + 1] is '선' or '차' or '기' or '실' or '점')
        {
            return;
        }

        var end = marker > 0 && text[marker - 1] == ' ' ? marker - 1 : marker;
        var start = end;
        while (start > 0 && char.IsAsciiDigit(text[start - 1]) && end - start < MaxNumber)
        {
            start--;
        }

        var unitDigits = end - start;
        if (unitDigits == 0 || start > 0 && char.IsAsciiDigit(text[start - 1]))
        {
            return;
        }

        // "1203호 105동", "502호 31동": the unit said before its building.
        var building = SkipSpaces(text, marker + 1, 1);
        var buildingDigits = CountDigits(text, building);
        var buildingEnd = SkipSpaces(text, building + buildingDigits, 1);
        if (buildingDigits is >= 1 and <= MaxNumber && buildingEnd < text.Length && text[buildingEnd] == '동'
            && !(buildingEnd + 1 < text.Length && text[buildingEnd + 1] is '안' or '네' or '물' or '생')
            && !(start > 0 && (char.IsAsciiLetter(text[start - 1]) || text[start - 1] is '제' or '-')))
        {
            spans.Add(new PiiSpan(start, buildingEnd + 1, PiiKind.Address));
            return;
        }

        if (start >= 2 && text[start - 1] == '-' && char.IsAsciiDigit(text[start - 2]) && unitDigits >= 3)
        {
            var buildingStart = start - 1;
            while (buildingStart > 0 && char.IsAsciiDigit(text[buildingStart - 1]) && start - 1 - buildingStart < MaxNumber)
            {
                buildingStart--;
            }

            var prefixed = buildingStart > 0 && (char.IsAsciiLetterOrDigit(text[buildingStart - 1]) || text[buildingStart - 1] == '제' || text[buildingStart - 1] == '-');
            if (!prefixed && !(start - 1 - buildingStart == 4 && text[buildingStart] is '1' or '2'))
            {
                spans.Add(new PiiSpan(buildingStart, marker + 1, PiiKind.Address));
            }

            return;
        }

        // A basement unit ("반지하 B01호", "B2호"): B and one to three digits, next to a word for a basement or a home, or
        // after an address.
        if (start > 0 && text[start - 1] is 'B' or 'b' && (start == 1 || !char.IsAsciiLetterOrDigit(text[start - 2])) && unitDigits <= 3)
        {
            if (NearAny(text, start - 1, marker + 1, BasementWords, before: 8, after: 4)
                || NearAny(text, start - 1, marker + 1, HousingWords, before: 16, after: 8) || AfterAddress(spans, start - 1))
            {
                spans.Add(new PiiSpan(start - 1, marker + 1, PiiKind.Address));
            }

            return;
        }

        if (unitDigits < 3 || start > 0 && (char.IsAsciiLetter(text[start - 1]) || text[start - 1] is '제' or '-'))
        {
            return;
        }

        if (NearAny(text, start, marker + 1, HousingWords, before: 16, after: 8) || AfterAddress(spans, start))
        {
            spans.Add(new PiiSpan(start, marker + 1, PiiKind.Address));
        }
    }

    /// <summary>"823-14번지", "1423번지" after a place ("신림동 1423번지", "산 65번지"); the place is masked with it.</summary>
    private static void FindLot(string text, int marker, List<PiiSpan> spans)
    {
        var end = marker > 0 && text[marker - 1] == ' ' ? marker - 1 : marker;
        if (end == 0 || !char.IsAsciiDigit(text[end - 1]))
        {
            return;
        }

        var start = end;
        var hyphen = false;
        while (start > 0 && (char.IsAsciiDigit(text[start - 1]) || text[start - 1] == '-' && !hyphen && start >= 2 && char.IsAsciiDigit(text[start - 2])))
        {
            hyphen |= text[start - 1] == '-';
            start--;
        }

        if (start > 0 && char.IsAsciiLetter(text[start - 1]))
        {
            return;
        }

        var placeStart = PlaceBefore(text, start);
        if (!hyphen && placeStart == start)
        {
            // "맛집 1번지", "정치 1번지": without a place before it, a bare number 번지 is the idiom, not a lot.
            return;
        }

        spans.Add(new PiiSpan(placeStart, marker + 2, PiiKind.Address));
    }

    /// <summary>"성수동 12-3", "산 12-3": a lot number after a neighbourhood (or 산) without the word 번지.</summary>
    private static void FindBareLot(string text, int hyphen, List<PiiSpan> spans)
    {
        var start = hyphen;
        while (start > 0 && char.IsAsciiDigit(text[start - 1]))
        {
            start--;
        }

        var after = CountDigits(text, hyphen + 1);
        var end = hyphen + 1 + after;
        if (hyphen - start is < 1 or > MaxNumber || after is < 1 or > MaxNumber
            || end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '-' or '.' || Counters.Contains(text[end]) || text[end] == '번'))
        {
            return;
        }

        var placeStart = PlaceBefore(text, start);
        if (placeStart < start)
        {
            spans.Add(new PiiSpan(placeStart, end, PiiKind.Address));
        }
    }

    /// <summary>"역삼동 " or "3가 " or "산 " (or "역삼동 산 ") right before a lot number; returns start when none.</summary>
    private static int PlaceBefore(string text, int start)
    {
        var at = start > 0 && text[start - 1] == ' ' ? start - 1 : start;
        if (at >= 1 && text[at - 1] == '산' && (at == 1 || !Hangul.IsSyllable(text[at - 2])))
        {
            var mountain = at - 1;
            var further = mountain > 0 && text[mountain - 1] == ' ' ? mountain - 1 : mountain;
            var place = PlaceWord(text, further);
            return place < further ? place : mountain;
        }

        var word = PlaceWord(text, at);
        return word < at ? word : start;
    }

    /// <summary>A word ending in 동, 리 or 가 (a neighbourhood, village or 종로3가) ending at <paramref name="end"/>.</summary>
    private static int PlaceWord(string text, int end)
    {
        if (end < 2 || text[end - 1] is not ('동' or '리' or '가'))
        {
            return end;
        }

        var start = end - 1;
        while (start > 0 && (Hangul.IsSyllable(text[start - 1]) || char.IsAsciiDigit(text[start - 1])) && end - start < 8)
        {
            start--;
        }

        var syllables = 0;
        for (var k = start; k < end; k++)
        {
            syllables += Hangul.IsSyllable(text[k]) ? 1 : 0;
        }

        // A place ending in 가 is a numbered street (종로3가, 을지로 4가): without a digit before it 가 is the subject
        // particle ("번호가 2511-8764" is not a lot).
        if (text[end - 1] == '가')
        {
            return end - start >= 2 && char.IsAsciiDigit(text[end - 2]) ? start : end;
        }

        return syllables >= 2 ? start : end;
    }

    /// <summary>"테헤란로 152", "도산대로 45길 20", "한강대로84길 11-4", "세종대로 110": a road, then a building number.</summary>
    private static void FindRoad(string text, int marker, List<PiiSpan> spans)
    {
        var start = marker;
        while (start > 0 && (Hangul.IsSyllable(text[start - 1]) || char.IsAsciiDigit(text[start - 1]) && text[marker] == '길'))
        {
            start--;
        }

        while (start < marker && char.IsAsciiDigit(text[start]))
        {
            start++;
        }

        var name = text.AsSpan(start, marker - start);
        if (name.Length == 0 || !Hangul.IsSyllable(name[0]) || IsNotRoad(name, text[marker]))
        {
            return;
        }

        var at = marker + 1;

        // A numbered side street after the road: "도산대로 45길", "한강대로84길", "봉은사로68길", "중앙로 3번길".
        var street = SkipSpaces(text, at, 1);
        var streetDigits = CountDigits(text, street);
        if (streetDigits is >= 1 and <= 3)
        {
            var suffix = street + streetDigits;
            if (suffix < text.Length && text[suffix] == '길')
            {
                at = suffix + 1;
            }
            else if (suffix + 1 < text.Length && SideStreetLetters.Contains(text[suffix]) && text[suffix + 1] == '길')
            {
                // "도봉로 110나길", "난곡로 26다길": side streets lettered after their number.
                at = suffix + 2;
            }
            else if (suffix + 1 < text.Length && text[suffix] == '번' && text[suffix + 1] == '길')
            {
                at = suffix + 2;
            }
        }

        var number = SkipSpaces(text, at, 1);
        var digits = CountDigits(text, number);
        if (digits is < 1 or > MaxNumber || text[number] == '0')
        {
            return;
        }

        var end = number + digits;
        if (end + 1 < text.Length && text[end] == '-' && char.IsAsciiDigit(text[end + 1]))
        {
            var sub = CountDigits(text, end + 1);
            if (sub > 3)
            {
                return;
            }

            end += 1 + sub;
        }

        if (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '-' or '.' or ',' or ':' or '%' or '~'
            || text.AsSpan(end).StartsWith("코스") || text.AsSpan(end).StartsWith("구간")
            || Counters.Contains(text[end]) && !(text[end] == '번' && end + 1 < text.Length && text[end + 1] == '지')))
        {
            return;
        }

        spans.Add(new PiiSpan(start, end, PiiKind.Address));
    }

    private static bool IsNotRoad(ReadOnlySpan<char> name, char suffix)
    {
        if (name.Length == 1 && suffix == '길' || name.EndsWith("으") || name.EndsWith("으로"))
        {
            return true;
        }

        foreach (var trail in Trails)
        {
            if (suffix == '길' && name.EndsWith(trail))
            {
                return true;
            }
        }

        foreach (var word in NotRoads)
        {
            if (name.SequenceEqual(word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"성북로 23길 15 이에요 101호예요": a unit said just after an address already found in the line.</summary>
    private static bool AfterAddress(List<PiiSpan> spans, int start)
    {
        foreach (var span in spans)
        {
            if (span.Kind == PiiKind.Address && span.End <= start && start - span.End <= 16)
            {
                return true;
            }
        }

        return false;
    }

    private const string BuildingLetters = "가나다라마바사";

    private const string SideStreetLetters = "가나다라마바사아자차카타파하";

    private const string SinoNumerals = "일이삼사오육륙칠팔구십백천";

    /// <summary>Start of a Sino-Korean number word ending at <paramref name="end"/> (at most 6 syllables, a valid
    /// number), or <paramref name="end"/> when there is none.</summary>
    private static int SinoStart(string text, int end)
    {
        var start = end;
        while (start > 0 && end - start < 6 && SinoNumerals.Contains(text[start - 1]))
        {
            start--;
        }

        return start < end && SinoValue(text.AsSpan(start, end - start)) > 0 ? start : end;
    }

    private static int SinoLength(string text, int at)
    {
        var i = at;
        while (i < text.Length && i - at < 7 && SinoNumerals.Contains(text[i]))
        {
            i++;
        }

        return i - at;
    }

    /// <summary>The value of a Sino-Korean number below 10,000 ("천육백삼" 1603, "삼백이" 302, "백사" 104), or -1 when the
    /// syllables are not one (units out of order, two digits in a row).</summary>
    internal static int SinoValue(ReadOnlySpan<char> word)
    {
        var total = 0;
        var digit = -1;
        var lastUnit = 10_000;
        foreach (var c in word)
        {
            var unit = c switch { '십' => 10, '백' => 100, '천' => 1000, _ => 0 };
            if (unit == 0)
            {
                if (digit >= 0)
                {
                    return -1;
                }

                digit = c == '륙' ? 6 : "일이삼사오육칠팔구".IndexOf(c) + 1;
                continue;
            }

            if (unit >= lastUnit || digit == 1)
            {
                return -1;
            }

            total += (digit < 0 ? 1 : digit) * unit;
            lastUnit = unit;
            digit = -1;
        }

        return total + Math.Max(digit, 0);
    }

    private static bool NearAny(string text, int start, int end, string[] words, int before, int after)
    {
        var from = Math.Max(0, start - before);
        var window = text.AsSpan(from, Math.Min(text.Length, end + after) - from);
        foreach (var word in words)
        {
            if (window.Contains(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static int SkipSpaces(string text, int at, int most)
    {
        var i = at;
        while (i < text.Length && text[i] == ' ' && i - at < most)
        {
            i++;
        }

        return i;
    }

    private static int CountDigits(string text, int at)
    {
        var i = at;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        return i - at;
    }
}
