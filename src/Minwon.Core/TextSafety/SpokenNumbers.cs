using Minwon.Core.Korean;

namespace Minwon.Core.TextSafety;

/// <summary>
/// Rewrites numbers as speech-to-text writes them into the written form the recognisers know, keeping a map from each
/// rewritten character back to the original: Sino-Korean digit words read one by one ("공일공", 빵 for zero) or grouped
/// ("천이백삼십사" = 1234, "이십칠" = 27), digits dictated with spaces ("1 0 5"), self-corrections inside a number
/// ("칠 칠 아니 팔 팔" keeps 팔 팔), the units of an address said apart ("105 동", "이십칠 길"), lettered buildings read
/// out ("에이동" = A동) and e-mail read out ("minsu77 골뱅이 naver 점 com").
/// </summary>
/// <remarks>
/// Numbers said next to each other with one space between them are joined ("공일공 일이삼사" = "0101234"), so a number
/// read in any grouping reaches the recognisers in one piece; written digit groups ("010 1234") are left as they are.
/// A word made of digit syllables alone is rewritten only when it cannot be an ordinary word: three syllables or more,
/// or a unit (십, 백, 천) in a valid order, or another number next to it. "이사", "공사", "사이" and "천이백원" stay.
/// Linear in the line; returns null (no allocation beyond the scan) when nothing would change.
/// </remarks>
internal sealed partial class SpokenNumbers
{
    // Written digit groups up to this long are numbers to join (an account's 2718253, a registration number's half).
    private const int MaxWrittenGroup = 8;

    private static readonly string[] Suffixes =
    [
        "번지", "번길", "번이요", "번이에요", "번입니다", "번", "호", "동", "층", "길",
        // Side streets lettered after their number ("이십육다길" = 26다길); after 길, so "이십사길" stays 24길.
        "가길", "나길", "다길", "라길", "마길", "바길", "사길", "아길", "자길",
        // Endings glued after a number as said (the copula and its forms): "오륙칠팔입니다", "천이백삼십사인데요".
        "입니다", "인데요", "인데", "이고요", "이구요", "이에요", "이요", "이고", "예요", "에요", "고요", "요", "에", "의",
    ];

    // Said while thinking inside a number ("공일공 어 일이삼사", "… 음 그러니까 …"): dropped between its parts.
    private static readonly string[] Fillers =
        ["잠깐만요", "잠깐만", "잠깐", "잠시만요", "잠시만", "어", "어어", "음", "음음", "으음", "아", "그", "그러니까", "저기", "뭐더라", "그게"];

    // Said to correct the digits just said ("칠 아니 팔", "칠 아니고 팔", "칠 아니 아니 팔").
    private static readonly string[] Corrections = ["아니", "아니고", "아니요", "아니다", "아니아니", "틀렸다", "틀렸어", "틀렸어요", "틀렸네", "틀렸네요", "틀렸고"];
    private static readonly string[] AddressUnits = ["동", "호", "층", "길", "번길", "번지"];

    private SpokenNumbers(string text, int[] from, int[] to)
    {
        Text = text;
        From = from;
        To = to;
    }

    /// <summary>The rewritten line.</summary>
    public string Text { get; }

    /// <summary>For each character of <see cref="Text"/>, where its source starts in the original.</summary>
    public int[] From { get; }

    /// <summary>For each character of <see cref="Text"/>, where its source ends in the original (exclusive).</summary>
    public int[] To { get; }

    /// <summary>The original span a span of the rewritten text came from.</summary>
    public PiiSpan MapBack(PiiSpan span) => new(From[span.Start], To[span.End - 1], span.Kind);

    /// <summary>True when the character at <paramref name="at"/> of the rewritten text was a spoken digit word.</summary>
    public bool IsSpoken(string original, int at) => !char.IsAsciiDigit(original[From[at]]);

    /// <summary>The readings that could go the other way in this line (a 이 that is the copula or the digit two, a
    /// correction of one digit or of all said after it): <c>Normalize(text, reading)</c> reads them so.</summary>
    public Readings Ambiguities { get; private set; }

    /// <param name="text">The line.</param>
    /// <param name="reading">The other reading of what <see cref="Ambiguities"/> named.</param>
    public static SpokenNumbers? Normalize(string text, Readings reading = Readings.Usual)
    {
        var alternative = (reading & Readings.DigitTwo) != 0;
        var firstOnly = (reading & Readings.FirstOnly) != 0;
        var tokens = Tokenize(text, alternative);
        if (tokens is null)
        {
            return null;
        }

        DropFillers(text, tokens);
        Accept(text, tokens, firstOnly);
        var email = text.Contains("골뱅이", StringComparison.Ordinal) || text.Contains('@') || HasAtWord(text, tokens);
        var output = new Output(text);
        var changed = false;
        var ambiguous = Readings.Usual;
        foreach (var token in tokens)
        {
            ambiguous |= token.Ambiguous;
        }

        var previous = -1;
        // Where the digits a correction dropped began: the replacing digits are mapped back from there, so the span of
        // the number covers what was corrected ("칠구일 공일 아니 칠구이 …", "공일공 아니 공일일 …").
        var correctedFrom = -1;
        for (var t = 0; t < tokens.Count; t++)
        {
            var token = tokens[t];
            var gapStart = previous < 0 ? 0 : tokens[previous].End;
            var mappedFrom = correctedFrom;
            correctedFrom = -1;

            // "칠 칠 아니 팔 팔": the words after 아니 replace as many digits said just before it.
            if (In(Corrections, token.Word(text)) && previous >= 0 && tokens[previous].Number && Correction(text, tokens, t) is var next and > 0)
            {
                var replaced = Replacing(tokens, next, previous);
                var first = tokens[next].Digits!.Length;
                ambiguous |= replaced > first ? Readings.FirstOnly : Readings.Usual;
                replaced = firstOnly ? first : replaced;
                var back = previous;
                var dropped = 0;
                while (back >= 0 && tokens[back].Number && tokens[back].Emitted >= 0 && dropped < replaced)
                {
                    dropped += tokens[back].Digits!.Length;
                    back--;
                }

                output.Truncate(tokens[back + 1].Emitted);
                correctedFrom = tokens[back + 1].Start;
                tokens[next] = tokens[next] with { JoinBack = true };
                previous = back;
                t = next - 1;
                changed = true;
                continue;
            }

            // "칠백삼십 다시 이십이": a word read for the hyphen between two numbers becomes the hyphen.
            if (Dash(text, token) && previous >= 0 && tokens[previous].Number && tokens[previous].CoreEnd == tokens[previous].End
                && t + 1 < tokens.Count && tokens[t + 1].Number)
            {
                output.Append("-", token.Start, token.End);
                tokens[t + 1] = tokens[t + 1] with { JoinBack = true };
                previous = t;
                changed = true;
                continue;
            }

            var gap = text.AsSpan(gapStart, token.Start - gapStart);
            var joined = previous >= 0 && (gap is " " || token.AfterFiller) && Joins(text, tokens[previous], token, email)
                && !RentalPlate(text, tokens, previous, t);
            if (joined)
            {
                changed = true;
            }
            else if (token.JoinBack)
            {
                // After a correction the replacing digits follow what was kept, in place of the dropped ones.
                changed = true;
            }
            else if (token.AfterFiller)
            {
                // The fillers dropped before this word leave one space, mapped to all they covered.
                output.Append(" ", gapStart, token.Start);
                changed = true;
            }
            else
            {
                output.Copy(gapStart, token.Start);
            }

            tokens[t] = token with { Emitted = output.Length };
            if (token.Number && token.Spoken)
            {
                output.Append(token.Digits!, mappedFrom >= 0 ? Math.Min(mappedFrom, token.Start) : token.Start, token.CoreEnd);
                if (token.Particle)
                {
                    // "공일공에 천이백삼십사에 …": the particle heard for the hyphen.
                    output.Append("-", token.CoreEnd, token.End);
                }
                else
                {
                    output.Copy(token.CoreEnd, token.End);
                }
                changed = true;
            }
            else if (email && EmailWord(text, tokens, t) is { } replacement)
            {
                output.Append(replacement, token.Start, token.End);
                changed = true;
            }
            else if (email && GluedEmail(token.Word(text)) is { } glued)
            {
                output.Append(glued, token.Start, token.End);
                changed = true;
            }
            else if (Lettered(token.Word(text)) is { } letter)
            {
                output.Append(letter, token.Start, token.End - 1);
                output.Copy(token.End - 1, token.End);
                changed = true;
            }
            else
            {
                output.Copy(token.Start, token.End);
            }

            previous = t;
        }

        if (!changed)
        {
            return null;
        }

        output.Copy(tokens[^1].End, text.Length);
        var result = output.Build();
        result.Ambiguities = ambiguous;
        return result;
    }

    /// <summary>How many digits a correction replaces: its first word, or its run of digits said one by one; or, when
    /// its first group was said already in the number ("공일공 구일 이사 아니 구일 삼사"), all said from that group on.</summary>
    private static int Replacing(List<Token> tokens, int at, int previous)
    {
        var said = 0;
        for (var back = previous; back >= 0 && tokens[back].Number && tokens[back].Emitted >= 0 && back > previous - 4; back--)
        {
            said += tokens[back].Digits!.Length;
            if (back < previous && tokens[at].Digits!.Length > 1 && tokens[back].Digits == tokens[at].Digits)
            {
                return said;
            }
        }

        if (tokens[at].Digits!.Length > 1)
        {
            return tokens[at].Digits!.Length;
        }

        var count = 0;
        while (at < tokens.Count && tokens[at].Number && tokens[at].Digits!.Length == 1)
        {
            count++;
            at++;
        }

        return count;
    }

    /// <summary>A word read for the hyphen (<see cref="NumberRuns.HyphenWord"/>) that is rewritten as one; 바 and 하고
    /// ("bar", "and") only join the numbers around them (<see cref="Neighbour"/>).</summary>
    private static bool Dash(string text, Token token) => IsHyphenWord(text, token) && token.Word(text) is not ("바" or "하고");

    /// <summary>Index of the number that corrects the one before 아니 (fillers may stand between), or 0.</summary>
    private static int Correction(string text, List<Token> tokens, int at)
    {
        for (var t = at + 1; t < tokens.Count; t++)
        {
            if (tokens[t].Number)
            {
                return t;
            }

            if (!In(Fillers, tokens[t].Word(text)) && !In(Corrections, tokens[t].Word(text)))
            {
                return 0;
            }
        }

        return 0;
    }

    /// <summary>"이백사 호 팔팔이이": two or three digits, 호 said apart, then four digits is a rental car's plate, not a
    /// unit; 호 is left apart so the plate finder reads it.</summary>
    private static bool RentalPlate(string text, List<Token> tokens, int before, int unit) =>
        tokens[unit].Word(text) is "호" && tokens[before].Digits is { Length: 2 or 3 } && unit + 1 < tokens.Count
        && tokens[unit + 1].Digits is { Length: 4 };

    private static bool Joins(string text, Token before, Token after, bool email)
    {
        // Numbers said one after another: joined unless both are written digit groups ("010 1234" stays for NumberRuns).
        if (before.Number && after.Number && (before.CoreEnd == before.End || before.Particle) && (before.Spoken || after.Spoken || before.Digits!.Length == 1 && after.Digits!.Length == 1))
        {
            return true;
        }

        // "105 동", "이십칠 길": the unit of an address said apart from its number.
        if (before.Number && before.CoreEnd == before.End && In(AddressUnits, after.Word(text)))
        {
            return true;
        }

        return email && (EmailMark(before.Word(text)) is not null || EmailMark(after.Word(text)) is not null);
    }

    private static bool In(string[] words, ReadOnlySpan<char> word)
    {
        foreach (var candidate in words)
        {
            if (word.SequenceEqual(candidate))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A word said for the @ or the dot of an e-mail address, or a Hangul service name or domain next to one.</summary>
    private static string? EmailWord(string text, List<Token> tokens, int t)
    {
        var word = tokens[t].Word(text);
        return EmailMark(word) ?? (t > 0 && EmailMark(tokens[t - 1].Word(text)) is not null
            || t + 1 < tokens.Count && EmailMark(tokens[t + 1].Word(text)) is not null ? EmailName(word) : null);
    }

    private static string? EmailMark(ReadOnlySpan<char> word) => word switch
    {
        "골뱅이" or "골뱅" or "앳" or "엣" or "@" or "at" => "@",
        "점" or "닷" or "쩜" or "." or "dot" => ".",
        "닷컴" or "점컴" or "쩜컴" => ".com",
        "닷넷" or "점넷" => ".net",
        _ => null,
    };

    /// <summary>A mail service or top-level domain said in Hangul ("지메일", "네이버", "컴").</summary>
    private static string? EmailName(ReadOnlySpan<char> word) => word switch
    {
        "지메일" => "gmail",
        "네이버" => "naver",
        "한메일" => "hanmail",
        "네이트" => "nate",
        "카카오" => "kakao",
        "야후" => "yahoo",
        "다음" => "daum",
        "컴" => "com",
        "넷" => "net",
        _ => null,
    };

    private static bool HasAtWord(string text, List<Token> tokens)
    {
        foreach (var token in tokens)
        {
            if (token.Word(text) is "앳" or "엣" || GluedAt(token.Word(text)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A word with Latin letters or digits that holds an e-mail said without spaces (an @ or a word for it).</summary>
    private static bool GluedAt(ReadOnlySpan<char> word) =>
        word.Length > 3 && (word.Contains("골뱅이", StringComparison.Ordinal) || word.IndexOfAny('앳', '엣', '@') > 0)
        && GluedEmail(word) is { } glued && glued.Contains('@', StringComparison.Ordinal);

    /// <summary>
    /// An e-mail address said without spaces ("minsu28골뱅이daum.net", "hong1앳지메일점컴"): the words for @ and the dot and
    /// the Hangul names of services rewritten inside one word that holds Latin letters or digits; null when nothing is.
    /// </summary>
    private static string? GluedEmail(ReadOnlySpan<char> word)
    {
        if (word.IndexOfAnyInRange('a', 'z') < 0 && word.IndexOfAnyInRange('0', '9') < 0 && word.IndexOfAnyInRange('A', 'Z') < 0)
        {
            return null;
        }

        System.Text.StringBuilder? rewritten = null;
        var i = 0;
        while (i < word.Length)
        {
            var rest = word[i..];
            var afterAscii = rewritten is { Length: > 0 }
                ? char.IsAsciiLetterOrDigit(rewritten[^1]) || rewritten[^1] is '@' or '.'
                : i > 0 && char.IsAsciiLetterOrDigit(word[i - 1]);
            var (replacement, length) = afterAscii ? GluedWord(rest)
                : rest.StartsWith("골뱅이", StringComparison.Ordinal) ? ("@", 3)
                : (null, 0);
            if (replacement is null)
            {
                rewritten?.Append(word[i]);
                i++;
                continue;
            }

            rewritten ??= new System.Text.StringBuilder(word.Length).Append(word[..i]);
            rewritten.Append(replacement);
            i += length;
        }

        return rewritten?.ToString();
    }

    // The longest Hangul word EmailMark or EmailName knows (골뱅이, 지메일, 카카오 …).
    private const int LongestEmailWord = 3;

    /// <summary>
    /// The longest word for @, the dot or a service that <paramref name="rest"/> starts with, in Hangul only ("at" and
    /// "dot" inside a Latin word are letters): <see cref="EmailMark"/> and <see cref="EmailName"/>'s words, not a copy
    /// of them (the copy this replaced had lost 다음 and 야후).
    /// </summary>
    private static (string? Written, int Length) GluedWord(ReadOnlySpan<char> rest)
    {
        var hangul = 0;
        while (hangul < rest.Length && hangul < LongestEmailWord && Hangul.IsSyllable(rest[hangul]))
        {
            hangul++;
        }

        for (var length = hangul; length >= 1; length--)
        {
            if ((EmailMark(rest[..length]) ?? EmailName(rest[..length])) is { } written)
            {
                return (written, length);
            }
        }

        return (null, 0);
    }

    /// <summary>"에이동" → "A동": a lettered building read out.</summary>
    private static string? Lettered(ReadOnlySpan<char> word) => word switch
    {
        "에이동" => "A",
        "비동" => "B",
        "씨동" => "C",
        "디동" => "D",
        _ => null,
    };

    /// <summary>Splits at spaces and reads each word as a number where it is one; null when the line has no number word.</summary>
    private static List<Token>? Tokenize(string text, bool alternative)
    {
        // A first pass without a list: most lines hold no number word and allocate nothing here.
        return Scan(text, null, alternative) ? Collect(text, alternative) : null;

        static List<Token> Collect(string text, bool alternative)
        {
            var tokens = new List<Token>();
            Scan(text, tokens, alternative);
            return tokens;
        }
    }

    private static bool Scan(string text, List<Token>? tokens, bool alternative)
    {
        var any = false;
        var afterNumber = false;
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == ' ')
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && text[i] != ' ')
            {
                i++;
            }

            var token = Read(text, start, i, alternative);
            var word = token.Word(text);
            // A filler, a correction or a word for the hyphen after a number may join it to the next one ("010 어 1234",
            // "86 다시 37 번지"); a word with 골뱅이 in it may be an e-mail said without spaces. Both checks only where they
            // can matter (after a number; while nothing is found yet): every line of every message passes here.
            var joining = afterNumber && (In(Fillers, word) || In(Corrections, word) || word is "에" or "의" or "-" || NumberRuns.HyphenWord(text, start) == i - start);
            // A native digit word (하나, 둘, zero …) counts only after a number: alone it is a word, not a digit.
            any = any || token.Spoken && (!token.Native || afterNumber) || token.Number && i - start == 1 || EmailMark(word) is not null || Lettered(word) is not null
                || joining || GluedAt(word);
            afterNumber = token.Number || joining;
            if (tokens is null && any)
            {
                return true;
            }

            tokens?.Add(token);
        }

        return any;
    }

    private static Token Read(string text, int start, int end, bool alternative)
    {
        var word = text.AsSpan(start, end - start);
        if (word.Length <= MaxWrittenGroup && AllAsciiDigits(word))
        {
            return new Token(start, end, end, word.ToString(), Spoken: false);
        }

        if (Parse(word) is { } digits)
        {
            return new Token(start, end, end, digits, Spoken: true);
        }

        if (Native(word) is { } native)
        {
            return new Token(start, end, end, native, Spoken: true) { Native = true };
        }

        foreach (var suffix in Suffixes)
        {
            if (word.Length <= suffix.Length || !word.EndsWith(suffix, StringComparison.Ordinal))
            {
                continue;
            }

            // "오륙칠팔이요": the copula 이 follows a syllable with a final consonant (팔이요, 삼이에요); after a vowel it is
            // dropped (사요, 오예요), so there a 이 before the ending is the digit two ("사이요" = 4 2).
            var coreEnd = end - suffix.Length;
            var copula = suffix[0] == '이' && suffix.Length > 1 && coreEnd > start && Hangul.IsSyllable(text[coreEnd - 1]);
            var vowelBefore = copula && !Hangul.HasTail(text[coreEnd - 1]);
            if (vowelBefore || copula && alternative && Parse(text.AsSpan(start, coreEnd - start + 1)) is not null)
            {
                coreEnd++;
            }

            if (coreEnd - start < 1)
            {
                break;
            }

            // "이에요", "이요", "이고요" said as a word of their own after a number: the copula, or (the other reading) 2.
            if (coreEnd - start == 1 && text[start] == '이' && suffix is "에요" or "요" or "고요" or "고")
            {
                // After a digit word with a final consonant "칠 이요" may be 7 and the copula or 7 2 with 요; "이에요" is
                // the copula (2 with the ending would be "이예요", read as 2).
                var ambiguous = suffix is "요" or "고요" or "고" && start >= 2 && text[start - 1] == ' ' && Hangul.HasTail(text[start - 2]);
                if (!alternative || !ambiguous)
                {
                    return new Token(start, end, end, null, Spoken: false) { Ambiguous = ambiguous ? Readings.DigitTwo : Readings.Usual };
                }
            }

            // A written group with an ending ("1234에", "343617입니다"): a number, left as written for NumberRuns.
            if (coreEnd - start <= MaxWrittenGroup && AllAsciiDigits(text.AsSpan(start, coreEnd - start)))
            {
                return new Token(start, end, coreEnd, text[start..coreEnd], Spoken: false) { Particle = suffix is "에" or "의" };
            }

            if (suffix is "요" or "이에요" or "이요" or "이고" or "이고요" or "예요" or "에" or "의" or "입니다" && Native(text.AsSpan(start, coreEnd - start)) is { } nativeCore)
            {
                // "셋이에요", "하나요": a native digit word with an ending.
                return new Token(start, end, coreEnd, nativeCore, Spoken: true) { Native = true, Particle = suffix is "에" or "의" };
            }

            if (Parse(text.AsSpan(start, coreEnd - start)) is { } core)
            {
                // After a final consonant "팔이요" is 8 and the copula, or 8 2 said with 요: the other reading is tried too.
                return new Token(start, end, coreEnd, core, Spoken: true)
                {
                    Particle = suffix is "에" or "의",
                    // "팔이에요" is not: after a vowel the copula would be 예요 ("팔이예요").
                    Ambiguous = copula && !vowelBefore && suffix is not "이에요" ? Readings.DigitTwo : Readings.Usual,
                };
            }
        }

        return Ending(text, start, end, alternative);
    }

    // What may follow a number as a counter or unit instead of an ending: "3개", "오 분", "칠 년", "이천 원", "삼 층" (초 of
    // times, 동 and 길 of addresses, 대 of vehicles; 천 and 백 are read as part of the number, 일 may be the copula, 일걸요).
    private const string Counters = PiiContext.CounterSyllables + "초동길대";

    // How an ending or particle after a number begins: the copula (이, 입, 인, 일, 예, 였), 에, 요, 고, 라, 래, 거, 걸, 죠, 지, 는 ...
    private const string EndingStarts = "이입인일예였에요고라래거걸죠지는은을를랑까야던데";

    /// <summary>
    /// A number with an ending nobody listed ("5769이었어요", "삼팔이륙오삼삼이래요", "팔천오백이십팔이라고요"): the longest
    /// start of the word that is a number (two words or more, or written digits), the rest a Hangul ending that is not a
    /// counter. A last 이 or 일 before the rest may be the copula (이, 일 = 이 + ㄹ); after a syllable with a final
    /// consonant it is read so first, and as the digit in the other reading.
    /// </summary>
    private static Token Ending(string text, int start, int end, bool alternative)
    {
        var cut = start;
        var written = 0;
        while (cut < end && (char.IsAsciiDigit(text[cut]) || Digit(text[cut]) >= 0 || Unit(text[cut]) > 0) && cut - start < 16)
        {
            written += char.IsAsciiDigit(text[cut]) ? 1 : 0;
            cut++;
        }

        // The longest start that reads as one number ("사십육이거든요": 사십육, then 이 of the copula).
        while (cut > start + 1 && Parse(text.AsSpan(start, cut - start)) is null && !AllAsciiDigits(text.AsSpan(start, cut - start)))
        {
            cut--;
        }

        // The rest must begin as an ending or particle begins ("2구간" is 2 and 구간, not 29 and 간).
        if (cut == end || cut - start < 2 && written == 0 || Counters.Contains(text[cut]) || !EndingStarts.Contains(text[cut]))
        {
            return new Token(start, end, end, null, Spoken: false);
        }

        var ambiguous = false;
        if (text[cut - 1] is '이' or '일' && cut - start >= 2 && Hangul.IsSyllable(text[cut - 2]) && Hangul.HasTail(text[cut - 2]))
        {
            ambiguous = true;
            cut -= alternative ? 0 : 1;
        }

        var core = text.AsSpan(start, cut - start);
        if (written == core.Length && core.Length <= MaxWrittenGroup)
        {
            return new Token(start, end, cut, core.ToString(), Spoken: false);
        }

        return Parse(core) is { } digits && (core.Length >= 2 || written > 0 || ambiguous)
            ? new Token(start, end, cut, digits, Spoken: true) { Ambiguous = ambiguous ? Readings.DigitTwo : Readings.Usual }
            : new Token(start, end, end, null, Spoken: false);
    }

    private static bool AllAsciiDigits(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return word.Length > 0;
    }

    /// <summary>
    /// Digit words one by one ("공일공" = "010") or a grouped reading with units in falling order ("천이백삼십사" = "1234",
    /// "구십" = "90"); null when the word is not a number.
    /// </summary>
    internal static string? Parse(ReadOnlySpan<char> word)
    {
        if (word.Length == 0 || word.Length > 16)
        {
            return null;
        }

        var units = false;
        var written = 0;
        foreach (var c in word)
        {
            if (Unit(c) > 0)
            {
                units = true;
            }
            else if (char.IsAsciiDigit(c))
            {
                // Digits and digit words mixed in one word, as speech-to-text writes some ("8삼1219", "칠50구").
                written++;
            }
            else if (Digit(c) < 0)
            {
                return null;
            }
        }

        if (written == word.Length || units && written > 0)
        {
            return null;
        }

        if (!units)
        {
            // The span itself is the state: word.ToString() made a second string for every digit word (일, 이사, 공사 …).
            return string.Create(word.Length, word, static (buffer, source) =>
            {
                for (var k = 0; k < buffer.Length; k++)
                {
                    buffer[k] = char.IsAsciiDigit(source[k]) ? source[k] : (char)('0' + Digit(source[k]));
                }
            });
        }

        var value = 0;
        var pending = -1;
        var last = int.MaxValue;
        foreach (var c in word)
        {
            if (Unit(c) is var unit and > 0)
            {
                if (unit >= last || pending == 0)
                {
                    return null;
                }

                value += (pending < 0 ? 1 : pending) * unit;
                last = unit;
                pending = -1;
            }
            else
            {
                if (pending >= 0 || Digit(c) == 0)
                {
                    return null;
                }

                pending = Digit(c);
            }
        }

        if (pending >= 0)
        {
            value += pending;
        }

        return value.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Takes out fillers said inside a number ("공일공 어 일이삼사", "010 음 그러니까 1234 5678", "칠 아 아니 팔"): a run of
    /// filler words between a number (or a word for the hyphen after one) and a number, a word for the hyphen or a
    /// correction. The word after them is marked, so the line is rewritten as if one space stood there.
    /// </summary>
    private static void DropFillers(string text, List<Token> tokens)
    {
        // One pass that copies the kept tokens down (removing them one run at a time was quadratic on a line of fillers).
        var write = 0;
        var afterFiller = false;
        for (var t = 0; t < tokens.Count; t++)
        {
            if (t > 0 && t < tokens.Count - 1 && In(Fillers, tokens[t].Word(text)))
            {
                var left = tokens[write - 1];
                // "삼사 조 음 칠 팔 …": a plate's syllable after its first digits joins like a number.
                var leftJoins = left.Number && (left.CoreEnd == left.End || left.Particle) || Hyphen(text, left)
                    || write >= 2 && left.End - left.Start == 1 && PlateSyllables.Contains(text[left.Start], StringComparison.Ordinal)
                        && tokens[write - 2].Digits is { Length: 2 or 3 };
                var last = t;
                while (last + 1 < tokens.Count && In(Fillers, tokens[last + 1].Word(text)))
                {
                    last++;
                }

                // "서울 삼 사 아 오 육 칠 팔": 아 and 어 are plate syllables too; between two or three digits and four, kept.
                var plate = last == t && tokens[t].End - tokens[t].Start == 1
                    && PlateSyllables.Contains(text[tokens[t].Start], StringComparison.Ordinal) && PlateShaped(tokens, write, t);
                if (leftJoins && !plate && last + 1 < tokens.Count && (tokens[last + 1].Number || Hyphen(text, tokens[last + 1])))
                {
                    t = last;
                    afterFiller = true;
                    continue;
                }

                for (var k = t; k <= last; k++)
                {
                    tokens[write++] = tokens[k];
                }

                t = last;
                afterFiller = false;
                continue;
            }

            tokens[write++] = afterFiller ? tokens[t] with { AfterFiller = true } : tokens[t];
            afterFiller = false;
        }

        tokens.RemoveRange(write, tokens.Count - write);
    }

    /// <summary>Two or three digits not starting with zero in the tokens before <paramref name="written"/> (the kept
    /// ones), four in those after <paramref name="at"/>.</summary>
    private static bool PlateShaped(List<Token> tokens, int written, int at)
    {
        var before = 0;
        var first = '0';
        // Both scans stop past a plate's length, so a long run of numbers and fillers stays linear.
        for (var k = written - 1; k >= 0 && before <= 3 && tokens[k].Number && tokens[k].CoreEnd == tokens[k].End; k--)
        {
            before += tokens[k].Digits!.Length;
            first = tokens[k].Digits![0];
        }

        var after = 0;
        for (var k = at + 1; k < tokens.Count && after <= 4 && tokens[k].Number; k++)
        {
            after += tokens[k].Digits!.Length;
        }

        return before is 2 or 3 && first != '0' && after == 4;
    }

    /// <summary>
    /// Decides which number words are numbers here: three syllables or more, or with a unit, or next to another number
    /// (across a word read for the hyphen); a lone 이 before a word that is not a number is the copula ("이삼 이 아니고").
    /// </summary>
    private static void Accept(string text, List<Token> tokens, bool firstOnly)
    {
        for (var t = 0; t < tokens.Count; t++)
        {
            var token = tokens[t];
            if (!token.Spoken)
            {
                continue;
            }

            var length = token.CoreEnd - token.Start;
            var hasUnit = text.AsSpan(token.Start, length).IndexOfAny('십', '백', '천') >= 0;
            var before = Neighbour(text, tokens, t, -1);
            var after = Neighbour(text, tokens, t, +1);
            bool keep;
            if (token.Native)
            {
                // 하나, 둘, 셋 … (said to tell 2 from 1) or zero, one, two …: a digit after digits said aloud, or first of a run
                // of such words; "하나 구백이십삼 …" is the bank before an account.
                keep = Neighbour(text, tokens, t, -1, spoken: true)
                    || t + 1 < tokens.Count && tokens[t + 1].Native && Neighbour(text, tokens, t, +1, spoken: true);
            }
            else if (length == 1 && t > 0 && (tokens[t - 1].Word(text) is "길" or "번길" && t > 1 && tokens[t - 2].Number
                || tokens[t - 1].Number && tokens[t - 1].CoreEnd < tokens[t - 1].End && tokens[t - 1].Word(text).EndsWith("길")))
            {
                // "이십칠 길 오": the building number after a road's side street.
                keep = true;
            }
            else if (length == 1 && text[token.Start] == '이' && token.CoreEnd == token.End && t + 1 < tokens.Count
                && tokens[t + 1].Word(text) is "아니고" or "아니라" or "아니에요" or "아니요")
            {
                // "공일공 … 이삼 이 아니고 공일공 …": "is not", the whole number said again (both are masked); the other
                // reading, the digit two corrected, is tried too.
                keep = firstOnly;
                tokens[t + 1] = tokens[t + 1] with { Ambiguous = Readings.FirstOnly };
            }
            else if (length == 1 && token.CoreEnd == token.End && t + 1 < tokens.Count && tokens[t + 1].Word(text) is "번지" or "층" or "호")
            {
                // "산 칠 번지", "지하 일 층": one digit word said before the unit of an address.
                keep = true;
            }
            else if (length == 1)
            {
                var dictating = t > 0 && (tokens[t - 1].Digits is { Length: 1 } || tokens[t - 1].Particle && tokens[t - 1].Number);
                keep = (before || after) && !(text[token.Start] == '이' && !after && !dictating);
            }
            else
            {
                keep = length >= 3 || hasUnit || before || after;
            }

            if (!keep)
            {
                tokens[t] = token with { Digits = null, Spoken = false };
            }
        }
    }

    private static bool Neighbour(string text, List<Token> tokens, int t, int step, bool spoken = false)
    {
        var n = t + step;
        // Across a word read for the hyphen or a correction (two at most: "아니 아니"), or a plate's syllable ("이오 허 삼 팔 팔 삼").
        for (var skipped = 0; skipped < 2 && n >= 0 && n < tokens.Count && tokens[n].Digits is null
            && (Hyphen(text, tokens[n]) || skipped == 0 && tokens[n].End - tokens[n].Start == 1 && PlateSyllables.Contains(text[tokens[n].Start], StringComparison.Ordinal)); skipped++)
        {
            n += step;
        }

        return n >= 0 && n < tokens.Count && tokens[n].Digits is not null && (tokens[n].CoreEnd == tokens[n].End || tokens[n].Particle || step > 0)
            && (!spoken || tokens[n].Spoken);
    }

    /// <summary>A word that may stand between two parts of one number: one read for the hyphen, the particle heard for
    /// it, 아니 of a self-correction, or a written hyphen.</summary>
    private static bool Hyphen(string text, Token token) => IsHyphenWord(text, token) || token.Word(text) is "에" or "의" or "-" || In(Corrections, token.Word(text));

    /// <summary>The whole token is one of <see cref="NumberRuns.HyphenWord"/>'s words (its list, not a copy of it).</summary>
    private static bool IsHyphenWord(string text, Token token) => NumberRuns.HyphenWord(text, token.Start) == token.End - token.Start;

    private const string PlateSyllables = "가나다라마거너더러머버서어저고노도로모보소오조구누두루무부수우주아바사자배하허호";

    /// <summary>A Sino-Korean digit word's value (빵 is zero too), or -1; <see cref="SpokenDigits"/> reads the same words.</summary>
    internal static int Digit(char c) => c switch
    {
        '공' or '영' or '빵' => 0,
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

    private static readonly string[] NativeDigits = ["하나", "둘", "셋", "넷", "다섯", "여섯", "일곱", "여덟", "아홉"];
    private static readonly string[] EnglishDigits = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

    /// <summary>Native digit words, one or glued ("둘둘" = 22), or one English digit word ("zero", "Nine"); else null.</summary>
    private static string? Native(ReadOnlySpan<char> word)
    {
        if (word.Length is 0 or > 8)
        {
            return null;
        }

        if (char.IsAsciiLetter(word[0]))
        {
            for (var d = 0; d < EnglishDigits.Length; d++)
            {
                if (word.Equals(EnglishDigits[d], StringComparison.OrdinalIgnoreCase))
                {
                    return ((char)('0' + d)).ToString();
                }
            }

            return null;
        }

        if (word[0] is not ('하' or '둘' or '셋' or '넷' or '다' or '여' or '일' or '아'))
        {
            return null;
        }

        // Every word of every line starting so passes here: nothing is allocated unless the whole word is digits.
        Span<char> digits = stackalloc char[8];
        var count = 0;
        var at = 0;
        while (at < word.Length)
        {
            var matched = false;
            for (var d = 0; d < NativeDigits.Length; d++)
            {
                if (word[at..].StartsWith(NativeDigits[d], StringComparison.Ordinal))
                {
                    digits[count++] = (char)('1' + d);
                    at += NativeDigits[d].Length;
                    matched = true;
                    break;
                }
            }

            if (!matched)
            {
                return null;
            }
        }

        return digits[..count].ToString();
    }

    private static int Unit(char c) => c switch
    {
        '십' => 10,
        '백' => 100,
        '천' => 1000,
        _ => 0,
    };

    /// <summary>How the ambiguous parts of a line are read (<see cref="Ambiguities"/>).</summary>
    [Flags]
    internal enum Readings
    {
        /// <summary>"팔이요" is 8 and the copula; a correction replaces all the digits said after it.</summary>
        Usual = 0,

        /// <summary>A 이 before an ending after a final consonant is the digit two ("구십이요" = 92).</summary>
        DigitTwo = 1,

        /// <summary>A correction replaces only the first word said after it ("이 구 아니고 오 사" = 2 5 4).</summary>
        FirstOnly = 2,
    }

    private readonly record struct Token(int Start, int End, int CoreEnd, string? Digits, bool Spoken)
    {
        public bool Number => Digits is not null;

        public int Emitted { get; init; } = -1;

        public bool JoinBack { get; init; }

        /// <summary>A native digit word (하나, 둘, 셋 …) or an English one (zero, one …): one digit each.</summary>
        public bool Native { get; init; }

        /// <summary>The number ends in 에 or 의, read for the hyphen ("공일공에").</summary>
        public bool Particle { get; init; }

        /// <summary>Fillers said before this word were dropped (<see cref="DropFillers"/>).</summary>
        public bool AfterFiller { get; init; }

        /// <summary>A 이 before the ending may be the copula or the digit two.</summary>
        public Readings Ambiguous { get; init; }

        public ReadOnlySpan<char> Word(string text) => text.AsSpan(Start, End - Start);
    }

    private sealed class Output(string source)
    {
        private readonly System.Text.StringBuilder text = new(source.Length);
        private readonly List<int> from = new(source.Length);
        private readonly List<int> to = new(source.Length);

        public int Length => text.Length;

        public void Copy(int start, int end)
        {
            for (var i = start; i < end; i++)
            {
                text.Append(source[i]);
                from.Add(i);
                to.Add(i + 1);
            }
        }

        public void Append(string value, int start, int end)
        {
            foreach (var c in value)
            {
                text.Append(c);
                from.Add(start);
                to.Add(end);
            }
        }

        public void Truncate(int length)
        {
            text.Length = length;
            from.RemoveRange(length, from.Count - length);
            to.RemoveRange(length, to.Count - length);
        }

        public SpokenNumbers Build() => new(text.ToString(), [.. from], [.. to]);
    }
}
