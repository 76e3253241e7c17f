using Minwon.Core.Korean;

namespace Minwon.Core.TextSafety;

/// <summary>
/// Finds runs of ASCII digit groups joined by short separators ("010-1234-5678", "02) 123 4567", "+82 10 1234 5678")
/// in one linear pass and classifies windows of consecutive groups by shape, check digits and nearby words.
/// Hand-written instead of regular expressions so a 1 MB line of digits costs one pass and cannot backtrack.
/// </summary>
internal static class NumberRuns
{
    private const int MaxWindow = 5;

    public static void Find(string text, List<PiiSpan> spans)
    {
        // Made at the first digit that starts a run: most lines have none and allocate nothing here.
        List<Group>? groups = null;
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsAsciiDigit(text[i]) || i > 0 && (char.IsAsciiLetterOrDigit(text[i - 1]) || IsDecimalPoint(text, i - 1)))
            {
                i++;
                continue;
            }

            (groups ??= []).Clear();
            var end = ReadRun(text, i, groups);
            Classify(text, groups, spans);
            i = Math.Max(end, i + 1);
        }
    }

    private static bool IsDecimalPoint(string text, int at) =>
        text[at] is '.' or ',' && at > 0 && char.IsAsciiDigit(text[at - 1]);

    /// <summary>
    /// Reads digit groups and their separators. Digits dictated one at a time ("0 1 0 9 8 7 …", as speech-to-text
    /// writes them) form one group: a single digit after a single space joins a previous group of single digits.
    /// </summary>
    private static int ReadRun(string text, int start, List<Group> groups)
    {
        var i = start;
        var dictating = false;
        var looseNext = false;
        while (true)
        {
            var groupStart = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            var single = i - groupStart == 1;
            if (single && dictating && groupStart >= 2 && text[groupStart - 1] == ' ' && groups.Count > 0 && groups[^1].End == groupStart - 1)
            {
                groups[^1] = groups[^1] with { End = i, Count = groups[^1].Count + 1 };
            }
            else
            {
                groups.Add(new Group(groupStart, i, i - groupStart, looseNext));
                dictating = single;
            }

            var next = SkipSeparator(text, i);
            looseNext = false;
            if (next == i || next >= text.Length || !char.IsAsciiDigit(text[next]))
            {
                // A word nobody listed between two groups ("쉬고", "그리고", "띄고"): the groups join only loosely, and a
                // number read across it counts only when its shape alone proves it (see Proven).
                next = LooseWord(text, i);
                if (next < 0)
                {
                    return i;
                }

                looseNext = true;
            }

            i = next;
        }
    }

    /// <summary>
    /// Up to three separator characters, at most one of them not a space: "-", " - ", ") ", ".", "에 " or "의 " (as
    /// read out); or a word for the hyphen ("010 다시 1234", "820314 빼기 1234567", "하이픈").
    /// </summary>
    private static int SkipSeparator(string text, int at)
    {
        var i = at;
        var marks = 0;
        while (i < text.Length && i - at < 3)
        {
            var c = text[i];
            if (c == ' ')
            {
                i++;
            }
            else if (c is '-' or '.' or ')' or '에' or '의' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2212' && marks == 0)
            {
                marks++;
                i++;
            }
            else if (marks == 0 && HyphenWord(text, i) is > 0 and var length)
            {
                marks++;
                i += length;
                if (i < text.Length && text[i] == ' ')
                {
                    i++;
                }

                break;
            }
            else
            {
                break;
            }
        }

        return i;
    }

    /// <summary>
    /// How a hyphen is read out and written by speech-to-text: 다시, 빼기 (minus), 하이픈, 대시, 작대기 or 짝대기 (stroke),
    /// 바 (bar), 하고 (and), 다음에 or 그다음(에) (next), 나누기 (divided by, for the slash some read), 쩜 or 점 (the dot some
    /// put between a phone number's groups: "공이 쩜 구칠공 쩜 이일사사"); returns the word's
    /// length at <paramref name="at"/>, or 0. ("의" and "에", the particle heard for it, are single marks.)
    /// </summary>
    internal static int HyphenWord(string text, int at)
    {
        var rest = text.AsSpan(at);
        var length = rest.StartsWith("그다음에") ? 4
            : rest.StartsWith("하이픈") || rest.StartsWith("작대기") || rest.StartsWith("짝대기") || rest.StartsWith("다음에") || rest.StartsWith("나누기")
                || rest.StartsWith("그다음") ? 3
            : rest.StartsWith("다시") || rest.StartsWith("빼기") || rest.StartsWith("대시") || rest.StartsWith("하고") ? 2
            : rest.StartsWith("바") || rest.StartsWith("쩜") || rest.StartsWith("점") ? 1
            : 0;

        // A whole word only ("바 1556789", not "바로"): a space, a digit or the end follows it.
        return length > 0 && (at + length == text.Length || text[at + length] == ' ' || char.IsAsciiDigit(text[at + length])) ? length : 0;
    }

    // A word starting so is a count, a time or a date after the number, not something said between two parts of one
    // (천, 백, 일 of amounts and dates, 초 of times, 동 of buildings).
    private const string NotBetween = PiiContext.CounterSyllables + "천백일초동";

    /// <summary>" 쉬고 " or " 그리고 아 잠깐만 " between two digit groups: one to three words of one to three Hangul
    /// syllables, a space on each side and a digit after; returns where the next group starts, or -1.</summary>
    private static int LooseWord(string text, int at)
    {
        var i = at;
        for (var words = 0; words < 3; words++)
        {
            if (i + 3 >= text.Length || text[i] != ' ' || !Hangul.IsSyllable(text[i + 1]) || NotBetween.Contains(text[i + 1]))
            {
                return -1;
            }

            var wordStart = i + 1;
            i = wordStart;
            while (i < text.Length && Hangul.IsSyllable(text[i]) && i - wordStart < 4)
            {
                i++;
            }

            // A word with a case or topic particle ("전화는", "번호가") starts a new phrase, not a pause inside a number, and
            // a word naming a part ("뒷자리", "뒤에", "앞번호") starts the next part, which is found on its own.
            var word = text.AsSpan(wordStart, i - wordStart);
            if (i - wordStart > 3 || i + 1 >= text.Length || text[i] != ' ' || text[i - 1] is '는' or '은' or '가' or '를' or '을' or '도' or '로'
                || word.Contains("자리", StringComparison.Ordinal) || word.Contains("번호", StringComparison.Ordinal) || word[0] is '앞' or '뒤' or '뒷')
            {
                return -1;
            }

            if (char.IsAsciiDigit(text[i + 1]))
            {
                return i + 1;
            }
        }

        return -1;
    }

    private static void Classify(string text, List<Group> groups, List<PiiSpan> spans)
    {
        var g = 0;
        Span<int> lengths = stackalloc int[MaxWindow];
        while (g < groups.Count)
        {
            // Across a loose word a window that ends inside a number said without one ("전화 010 1234 5678 그리고 010 |
            // 9876 5432") would cut that number and leave its rest to be read alone: such windows are tried only when no
            // other window starting here is a number.
            var found = false;
            for (var pass = 0; pass < 2 && !found; pass++)
            {
                for (var size = Math.Min(MaxWindow, groups.Count - g); size >= 1 && !found; size--)
                {
                    var digits = 0;
                    for (var k = 0; k < size; k++)
                    {
                        lengths[k] = groups[g + k].Count;
                        digits += lengths[k];
                    }

                    if (digits is < 6 or > 19)
                    {
                        continue;
                    }

                    var looseJoin = false;
                    for (var k = 1; k < size; k++)
                    {
                        looseJoin |= groups[g + k].Loose;
                    }

                    var cuts = looseJoin && g + size < groups.Count && !groups[g + size].Loose;
                    if (cuts != (pass == 1))
                    {
                        continue;
                    }

                    var start = groups[g].Start;
                    var end = groups[g + size - 1].End;
                    var number = Digits(text, start, end, digits);
                    if ((looseJoin ? Proven(text, start, end, number, lengths[..size]) : Kind(text, start, end, number, lengths[..size])) is { } kind
                        && !(kind.Kind == PiiKind.Account && PhoneStartsInside(text, groups, g, size)))
                    {
                        spans.Add(new PiiSpan(kind.Start, end, kind.Kind));
                        g += size;
                        found = true;
                    }
                }
            }

            if (!found)
            {
                g++;
            }
        }
    }

    /// <summary>
    /// An account window (the weakest proof: a word near it) whose last groups begin a phone number that the groups after
    /// the window complete ("우리은행 1002 345 678901 010 1234 5678"): the account is the shorter window, the phone its own.
    /// </summary>
    private static bool PhoneStartsInside(string text, List<Group> groups, int g, int size)
    {
        Span<int> lengths = stackalloc int[3];
        for (var j = g + 1; j < g + size; j++)
        {
            if (text[groups[j].Start] != '0')
            {
                continue;
            }

            for (var last = g + size; last < groups.Count && last - j < 3; last++)
            {
                var count = 0;
                for (var k = j; k <= last; k++)
                {
                    lengths[k - j] = groups[k].Count;
                    count += groups[k].Count;
                }

                if (count is >= 9 and <= 11 && KoreanPhone.IsPhone(Digits(text, groups[j].Start, groups[last].End, count), lengths[..(last - j + 1)]))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Thirteen digits that pass as a registration number: an account instead when not said as 6 + 7, next to 계좌 or a
    /// bank and with no word for a registration number near; an account number that happens to start with a valid date
    /// ("계좌번호 1 0 0 2 0 3 …", "농협 351-1234-5678-90", "농협 삼오일 빼기 일이삼사 빼기 …"). NumberRuns and SpokenDigits
    /// share it.
    /// </summary>
    internal static PiiKind RrnOrAccount(string text, int start, int end, ReadOnlySpan<int> lengths) =>
        lengths is not [6, 7] && PiiContext.NearAccountWord(text, start, end) && !PiiContext.NearRrnWord(text, start, end)
            ? PiiKind.Account
            : PiiKind.Rrn;

    /// <summary>Across a word of unknown meaning only shapes that prove themselves: a registration number (6 + 7 with a
    /// valid date and 7th digit), a phone number with an area or mobile code, a card passing Luhn (or sixteen digits in
    /// fours next to 카드), or an account number next to 계좌 or a bank: the shape or the context decides, never the word.</summary>
    private static (int Start, PiiKind Kind)? Proven(string text, int start, int end, string number, ReadOnlySpan<int> lengths) =>
        IsRrn(number, lengths) && lengths.Length == 2 ? (start, PiiKind.Rrn)
        : number[0] == '0' && KoreanPhone.IsPhone(number, lengths) ? (start, PiiKind.Phone)
        : IsCard(number, lengths) || IsGroupedCard(number, lengths) && PiiContext.NearCardWord(text, start, end) ? (start, PiiKind.Card)
        : number.Length is >= 10 and <= 16 && !LooksLikeDate(number, lengths) && PiiContext.NearAccountWord(text, start, end) ? (start, PiiKind.Account)
        : null;

    private static string Digits(string text, int start, int end, int count) =>
        string.Create(count, (text, start, end), static (buffer, state) =>
        {
            var n = 0;
            for (var i = state.start; i < state.end; i++)
            {
                if (char.IsAsciiDigit(state.text[i]))
                {
                    buffer[n++] = state.text[i];
                }
            }
        });

    private static (int Start, PiiKind Kind)? Kind(string text, int start, int end, string number, ReadOnlySpan<int> lengths)
    {
        if (start > 0 && text[start - 1] == '+' && number.StartsWith("82", StringComparison.Ordinal))
        {
            var national = "0" + number[2..].TrimStart('0');
            return KoreanPhone.IsPhone(national, lengths.Length == 1 ? [national.Length] : [])
                ? (start - 1, PiiKind.Phone)
                : null;
        }

        if (IsRrn(number, lengths) && !(lengths.Length == 1 && PiiContext.NearCodeWord(text, start, end)))
        {
            return (start, RrnOrAccount(text, start, end, lengths));
        }

        // Four groups of four starting like a card (3-6, 9): a card read out with a digit misheard fails Luhn but keeps
        // its shape; order and reservation numbers begin with a year or 1 and are not grouped so.
        if (IsCard(number, lengths) || IsGroupedCard(number, lengths) && (PiiContext.NearCardWord(text, start, end)
            || lengths.Length == 4 && number[0] is >= '3' and <= '6' or '9'))
        {
            return (start, PiiKind.Card);
        }

        if (KoreanPhone.IsPhone(number, lengths))
        {
            // "(010) 1234-5678": the area code's parenthesis belongs to the number.
            return (start > 0 && text[start - 1] == '(' && lengths.Length > 1 && text[start + lengths[0]] == ')' ? start - 1 : start, PiiKind.Phone);
        }

        if (IsLicense(text, start, end, number, lengths))
        {
            return (start, PiiKind.DriverLicense);
        }

        // Without an area code a 3-4 or 4-4 number is a phone only when the line says so; 15xx/16xx/18xx are
        // companies' representative numbers, not personal data.
        if (lengths.Length == 2 && lengths[0] is 3 or 4 && lengths[1] == 4 && number[0] != '0'
            && !(lengths[0] == 4 && number[0] == '1' && number[1] is '5' or '6' or '8')
            && PiiContext.NearPhoneWord(text, start, end))
        {
            return (start, PiiKind.Phone);
        }

        if (lengths.Length == 1 && IsRrnHalf(number) && PiiContext.NearRrnHalfWord(text, start, end))
        {
            return (start, PiiKind.Rrn);
        }

        if (number.Length is >= 10 and <= 16 && !LooksLikeDate(number, lengths) && PiiContext.NearAccountWord(text, start, end))
        {
            return (start, PiiKind.Account);
        }

        return null;
    }

    /// <summary>Birth date, then a 7th digit 1-8 (5-8 for foreigners). The check digit is not used: since
    /// October 2020 the tail is random.</summary>
    internal static bool IsRrn(string number, ReadOnlySpan<int> lengths)
    {
        if (number.Length != 13 || !(lengths.Length == 1 || lengths.Length == 2 && lengths[0] == 6))
        {
            return false;
        }

        var month = (number[2] - '0') * 10 + number[3] - '0';
        var day = (number[4] - '0') * 10 + number[5] - '0';
        return month is >= 1 and <= 12 && day is >= 1 and <= 31 && number[6] is >= '1' and <= '8';
    }

    internal static bool IsCard(string number, ReadOnlySpan<int> lengths)
    {
        var shaped = lengths.Length == 1
            || number.Length == 16 && lengths.Length == 4 && lengths[0] == 4 && lengths[1] == 4 && lengths[2] == 4
            || number.Length == 15 && lengths.Length == 3 && lengths[0] == 4 && lengths[1] == 6;
        return shaped && number.Length is 15 or 16 && number[0] is >= '3' and <= '6' or '9' && Luhn(number);
    }

    /// <summary>Sixteen digits, as four groups of four or read out in one run (fifteen, 4-6-5, for American Express): with "카드" nearby a misread or
    /// mistranscribed digit (failing Luhn) is still a card number.</summary>
    private static bool IsGroupedCard(string number, ReadOnlySpan<int> lengths) =>
        number.Length == 16 && (lengths.Length == 1 || lengths.Length == 4 && lengths[0] == 4 && lengths[1] == 4 && lengths[2] == 4)
        || number.Length == 15 && number[0] == '3' && (lengths.Length == 1 || lengths.Length == 3 && lengths[0] == 4 && lengths[1] == 6);

    /// <summary>"앞자리 850412 뒷자리 2345678": each half alone, when the line talks about a registration number.</summary>
    internal static bool IsRrnHalf(string number) => number.Length switch
    {
        6 => (number[2] - '0') * 10 + number[3] - '0' is >= 1 and <= 12 && (number[4] - '0') * 10 + number[5] - '0' is >= 1 and <= 31,
        7 => number[0] is >= '1' and <= '8',
        _ => false,
    };

    internal static bool Luhn(string number)
    {
        var sum = 0;
        var twice = false;
        for (var i = number.Length - 1; i >= 0; i--)
        {
            var d = number[i] - '0';
            if (twice)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            twice = !twice;
        }

        return sum % 10 == 0;
    }

    /// <summary>Licence numbers: region code 11-28, two digits, six digits, two digits ("11-12-345678-90").</summary>
    private static bool IsLicense(string text, int start, int end, string number, ReadOnlySpan<int> lengths)
    {
        if (number.Length != 12)
        {
            return false;
        }

        var region = (number[0] - '0') * 10 + number[1] - '0';
        var shaped = lengths.Length == 4 && lengths[0] == 2 && lengths[1] == 2 && lengths[2] == 6 && lengths[3] == 2;
        return region is >= 11 and <= 28 && (shaped || lengths.Length == 1 && PiiContext.NearLicenseWord(text, start, end));
    }

    private static bool LooksLikeDate(string number, ReadOnlySpan<int> lengths) =>
        lengths.Length >= 2 && lengths[0] == 4 && (number[0] == '1' && number[1] == '9' || number[0] == '2' && number[1] == '0');

    /// <summary>A group of digits; <c>Loose</c>: it follows the group before it across a word of unknown
    /// meaning ("010 쉬고 1234 쉬고 5678").</summary>
    private readonly record struct Group(int Start, int End, int Count, bool Loose);
}
