using Minwon.Core.Korean;

namespace Minwon.Core.TextSafety;

/// <summary>
/// E-mail addresses read aloud word by word (session 13): "jun 언더스코어 lee 골뱅이 naver dot com", "케이 아이 엠 일 이 앳
/// 네이버 점 컴", "sunny 언더바 kim at daum 닷 net", "hong 골뱅 삼성 쩜 씨오 쩜 케이알". Found as a grammar, not as a list of
/// whole forms: around every word said for the @ (골뱅이, 골뱅, 골뱅이표, 앳, 엣, 앳사인, at; 도트 for the dot too), the local
/// part is the run of pieces said just
/// before it (Latin letters and digits, digits said in Korean, letters spelled in Hangul: 에이 비 씨 …, and the words for _,
/// - and . : 언더바, 언더스코어, 하이픈, 대시, 점, 닷 …) and the domain the run after it: labels (a Latin word, a service said
/// in Hangul, or any one Hangul word before the first dot: 네이버, 삼성, 서울시) joined by words for the dot and ending in a
/// top-level domain (com, net, kr, org, co, and 컴, 넷, 케이알, 씨오, 오알지 …). Only that run is rewritten to the written
/// form; <see cref="EmailFinder"/> then finds it, and the span maps back over the spoken words.
/// </summary>
internal sealed partial class SpokenNumbers
{
    // A local part longer than this many words is not one address said aloud.
    private const int MaxLocalWords = 12;

    /// <summary>The line with its spoken e-mail addresses written out, or null when it has none.</summary>
    public static SpokenNumbers? SpokenEmail(string text)
    {
        if (!MayHoldSpokenEmail(text))
        {
            return null;
        }

        var words = Words(text);
        var output = (Output?)null;
        var copied = 0;
        var firstFree = 0;
        for (var at = 0; at < words.Count; at++)
        {
            if (at < firstFree)
            {
                continue;
            }

            // "leesy32골뱅카카오dot컴", "jiyoung96atyahoo쩜넷": an address said without spaces.
            if (GluedSpoken(words[at].Word(text)) is { } glued)
            {
                output ??= new Output(text);
                output.Copy(copied, words[at].Start);
                output.Append(glued, words[at].Start, words[at].End);
                copied = words[at].End;
                firstFree = at + 1;
                continue;
            }

            if (at == 0 || at == words.Count - 1 || AtWord(words[at].Word(text)) is not { } atWritten)
            {
                continue;
            }

            // The local part: pieces said before the @ with one space between, back to the first that is not one.
            var first = at;
            while (first - 1 >= 0 && first - 1 >= firstFree && at - first < MaxLocalWords && OneSpace(text, words[first - 1], words[first])
                && LocalPiece(words[first - 1].Word(text)) is not null)
            {
                first--;
            }

            // It starts and ends with a letter or digit, not with a word for _ - or . ("메일 점 kim" keeps 점 out).
            while (first < at && Joiner(words[first].Word(text)) is not null)
            {
                first++;
            }

            if (first == at || Joiner(words[at - 1].Word(text)) is not null || DomainEnd(text, words, at) is not { } last)
            {
                continue;
            }

            // "look at naver.com": the English "at" before a written domain, after one word of letters only, is English.
            if (words[at].Word(text) is "at" or "AT" && first == at - 1 && IsLetters(words[first].Word(text)) && last.Word == at + 1
                && WrittenDomain(words[last.Word].Word(text)[..last.Length]))
            {
                continue;
            }

            output ??= new Output(text);
            output.Copy(copied, words[first].Start);
            for (var w = first; w < at; w++)
            {
                output.Append(LocalPiece(words[w].Word(text))!, words[w].Start, words[w].End);
            }

            output.Append(atWritten, words[at].Start, words[at].End);
            for (var w = at + 1; w <= last.Word; w++)
            {
                var word = words[w].Word(text);
                var end = w == last.Word ? words[w].Start + last.Length : words[w].End;
                output.Append(DomainPiece(word[..(end - words[w].Start)], w == at + 1)!, words[w].Start, end);
            }

            copied = words[last.Word].Start + last.Length;
            firstFree = last.Word + 1;
            at = last.Word;
        }

        if (output is null)
        {
            return null;
        }

        output.Copy(copied, text.Length);
        return output.Build();
    }

    /// <summary>A cheap test before any list is made: the line holds a word for the @ (alone or glued to other words;
    /// every word <see cref="AtWord"/> knows starts with 골뱅, 앳, 엣 or at), or an @ said alone between spaces.</summary>
    private static bool MayHoldSpokenEmail(string text) =>
        text.Contains("골뱅", StringComparison.Ordinal) || text.AsSpan().IndexOfAny('앳', '엣') >= 0
        || text.Contains("at", StringComparison.OrdinalIgnoreCase) || text.Contains(" @ ", StringComparison.Ordinal);

    /// <summary>
    /// One word holding a whole address said without spaces, with Latin letters in it: the Hangul words for @, the dot and
    /// services rewritten (<see cref="GluedEmail"/>), then "dot" before a top-level domain and "at" inside Latin letters
    /// ("jiyoung96atyahoo.net": an "at" after a digit first) written as marks; null unless it then reads as an address.
    /// </summary>
    private static string? GluedSpoken(ReadOnlySpan<char> word)
    {
        if (word.Length < 8 || word.IndexOfAnyInRange('a', 'z') < 0 || word.IndexOf('@') >= 0)
        {
            return null;
        }

        var s = GluedEmail(word) ?? word.ToString();
        var at = s.IndexOf('@', StringComparison.Ordinal);
        var dot = s.LastIndexOf('.');
        if (dot <= at)
        {
            // "natedotcom", "yahoodot넷" rewritten to "yahoodotnet": the last "dot" before letters to the end of the Latin part.
            var latin = at + 1 + LeadingAscii(s.AsSpan(at + 1));
            var tail = s.LastIndexOf("dot", latin, StringComparison.OrdinalIgnoreCase);
            if (tail <= at + 1 || tail + 3 >= latin || !TopLevelWord(s.AsSpan(tail + 3, latin - tail - 3)))
            {
                return null;
            }

            s = string.Concat(s.AsSpan(0, tail), ".", s.AsSpan(tail + 3));
            dot = tail;
        }

        if (at < 0)
        {
            // "jiyoung96atyahoo.net": the "at" inside the Latin letters before the domain's dot (one after a digit first).
            var chosen = -1;
            for (var i = 1; i + 2 < dot; i++)
            {
                if (s[i] is 'a' or 'A' && s[i + 1] is 't' or 'T' && char.IsAsciiLetterOrDigit(s[i - 1]) && char.IsAsciiLetterOrDigit(s[i + 2]))
                {
                    if (chosen < 0 || char.IsAsciiDigit(s[i - 1]) && !char.IsAsciiDigit(s[chosen - 1]))
                    {
                        chosen = i;
                    }
                }
            }

            if (chosen < 0)
            {
                return null;
            }

            s = string.Concat(s.AsSpan(0, chosen), "@", s.AsSpan(chosen + 2));
            dot--;
            at = chosen;
        }

        return at > 0 && dot > at + 1 && s.AsSpan(dot + 1).Length >= 2 && char.IsAsciiLetter(s[dot + 1]) ? s : null;
    }

    private static List<Token> Words(string text)
    {
        var words = new List<Token>();
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

            words.Add(new Token(start, i, i, null, Spoken: false));
        }

        return words;
    }

    private static bool OneSpace(string text, Token before, Token after) => after.Start - before.End == 1 && text[before.End] == ' ';

    /// <summary>A word said for the @: <see cref="EmailMark"/>'s words for it and the longer forms said alone.</summary>
    private static string? AtWord(ReadOnlySpan<char> word) =>
        word is "골뱅이표" or "앳사인" or "엣사인" or "AT" || EmailMark(word) is "@" ? "@" : null;

    /// <summary>A word said for the dot: <see cref="EmailMark"/>'s words for it, 도트 and DOT.</summary>
    private static string? DotWord(ReadOnlySpan<char> word) => word is "도트" or "DOT" || EmailMark(word) is "." ? "." : null;

    /// <summary>A word said for a mark inside an address: the dot, the underscore or the hyphen.</summary>
    private static string? Joiner(ReadOnlySpan<char> word) => DotWord(word) ?? word switch
    {
        "언더바" or "언더스코어" or "언더라인" or "언더" or "밑줄" or "_" => "_",
        "하이픈" or "하이푼" or "대시" or "대쉬" or "마이너스" or "-" => "-",
        _ => null,
    };

    /// <summary>What a word before the @ writes: Latin letters and digits as they are, digits said in Korean, letters
    /// spelled in Hangul, or a joiner; null when the word cannot be part of an address.</summary>
    private static string? LocalPiece(ReadOnlySpan<char> word)
    {
        if (Joiner(word) is { } joiner)
        {
            return joiner;
        }

        if (word.Length > 0 && AllLocal(word))
        {
            return word.ToString();
        }

        return Spelled(word);
    }

    private static bool AllLocal(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '_' or '-' or '+'))
            {
                return false;
            }
        }

        return char.IsAsciiLetterOrDigit(word[0]) || word.Length == 1;
    }

    // Latin letters spelled in Hangul, longest names first where one starts another (에이치 before 에이).
    private static readonly (string Name, char Letter)[] LetterNames =
    [
        ("더블유", 'w'), ("에이치", 'h'), ("에이", 'a'), ("에프", 'f'), ("에스", 's'), ("엑스", 'x'), ("엘", 'l'), ("엠", 'm'), ("엔", 'n'), ("비", 'b'), ("씨", 'c'), ("시", 'c'), ("디", 'd'), ("지", 'g'),
        ("쥐", 'g'), ("아이", 'i'), ("제이", 'j'), ("케이", 'k'), ("피", 'p'), ("큐", 'q'), ("알", 'r'), ("티", 't'), ("유", 'u'),
        ("브이", 'v'), ("와이", 'y'), ("제트", 'z'),
    ];

    /// <summary>A word of Hangul letter names and digit syllables ("케이", "엔구구", "일이삼", "에이치"), written out; digit
    /// syllables are read as digits (이 as 2, 오 as 5: either way a letter or digit of the address).</summary>
    private static string? Spelled(ReadOnlySpan<char> word)
    {
        if (word.Length == 0 || word.Length > 12)
        {
            return null;
        }

        Span<char> written = stackalloc char[word.Length];
        var length = 0;
        var i = 0;
        while (i < word.Length)
        {
            if (Digit(word[i]) is var digit and >= 0)
            {
                written[length++] = (char)('0' + digit);
                i++;
                continue;
            }

            var matched = 0;
            foreach (var (name, letter) in LetterNames)
            {
                if (word[i..].StartsWith(name, StringComparison.Ordinal))
                {
                    written[length++] = letter;
                    matched = name.Length;
                    break;
                }
            }

            if (matched == 0)
            {
                return null;
            }

            i += matched;
        }

        return new string(written[..length]);
    }

    /// <summary>
    /// Where the domain said after the @ at <paramref name="at"/> ends: the word holding its top-level domain and how much
    /// of that word belongs to it ("com으로" ends after com); null when no dotted domain with a top-level domain follows.
    /// </summary>
    private static (int Word, int Length)? DomainEnd(string text, List<Token> words, int at)
    {
        (int Word, int Length)? end = null;
        var expectLabel = true;
        var labels = 0;
        for (var w = at + 1; w < words.Count && w - at <= 16; w++)
        {
            if (!OneSpace(text, words[w - 1], words[w]))
            {
                break;
            }

            var word = words[w].Word(text);
            if (!expectLabel)
            {
                if (DotWord(word) is not null)
                {
                    expectLabel = true;
                    continue;
                }

                // "닷컴", "점넷", "닷컴으로": the dot and the top-level domain said as one word.
                if (GluedTopLevel(word) is var glued and > 0)
                {
                    end = (w, glued);
                }

                break;
            }

            // The word after the @ may be a whole written domain ("naver.com", "naver.com으로").
            var ascii = LeadingAscii(word);
            if (ascii > 0)
            {
                if (labels == 0 && WrittenDomain(word[..ascii]))
                {
                    end = (w, ascii);
                    break;
                }

                if (ascii < word.Length || !AllLocal(word[..ascii]))
                {
                    // Latin with an ending glued ("com으로"): only a top-level domain after a dot ends the address so.
                    if (labels > 0 && TopLevelWord(word[..ascii]))
                    {
                        end = (w, ascii);
                    }

                    break;
                }

                if (labels > 0 && (TopLevelWord(word) || WrittenDomain(word)))
                {
                    end = (w, word.Length);
                }
            }
            else if (labels > 0 && HangulTopLevel(word) is var tld and > 0)
            {
                // "컴", "케이알", "컴이에요": a top-level domain said in Hangul, maybe with an ending.
                end = (w, tld);
                if (tld < word.Length)
                {
                    break;
                }
            }
            else if (labels == 0 && GluedHangulDomain(word) is var domain and > 0)
            {
                // "네이버닷컴", "지메일닷컴이요".
                end = (w, domain);
                break;
            }
            else if (!(labels == 0 && word.Length <= 6 && AllHangul(word) || EmailName(word) is not null || Spelled(word) is not null))
            {
                break;
            }

            labels++;
            expectLabel = false;
        }

        return end;
    }

    /// <summary>What a word of the domain writes (the part of it that <see cref="DomainEnd"/> gave).</summary>
    private static string? DomainPiece(ReadOnlySpan<char> word, bool firstLabel)
    {
        if (DotWord(word) is { } dot)
        {
            return dot;
        }

        if (LeadingAscii(word) == word.Length)
        {
            return word.ToString();
        }

        if (GluedTopLevel(word) > 0)
        {
            return GluedPiece(word);
        }

        if (firstLabel && GluedHangulDomain(word) > 0)
        {
            var cut = 1;
            while (cut < word.Length - 1 && GluedTopLevel(word[cut..]) != word.Length - cut)
            {
                cut++;
            }

            return Label(word[..cut]) + GluedPiece(word[cut..]);
        }

        if (!firstLabel && HangulTopLevel(word) == word.Length)
        {
            return TopLevelName(word);
        }

        return Label(word);
    }

    /// <summary>"닷컴" → ".com", "점net" → ".net".</summary>
    private static string GluedPiece(ReadOnlySpan<char> word) =>
        "." + (LeadingAscii(word[1..]) == word.Length - 1 ? word[1..].ToString() : TopLevelName(word[1..]));

    /// <summary>A label of the domain: a service's Latin name, the letters spelled, or any Hangul word as placeholder
    /// letters (the span is what matters; 삼성 → xx).</summary>
    private static string Label(ReadOnlySpan<char> word) =>
        EmailName(word) ?? Spelled(word) ?? new string('x', word.Length);

    // How a particle or ending after a top-level domain said in Hangul begins: a number's endings and 으로, 로, 도, 만.
    private const string TopLevelEndings = EndingStarts + "으로도만";

    private static readonly string[] TopLevelHangul = ["컴", "넷", "케이알", "씨오", "오알지", "오르그", "넷트", "씨오엠", "엔이티", "지오브이"];

    private static string TopLevelName(ReadOnlySpan<char> word) => word switch
    {
        "컴" or "씨오엠" => "com",
        "넷" or "넷트" or "엔이티" => "net",
        "케이알" => "kr",
        "씨오" => "co",
        "오알지" or "오르그" => "org",
        "지오브이" => "gov",
        _ => "xx",
    };

    /// <summary>How long the Hangul top-level domain <paramref name="word"/> starts with is, if an ending may follow it.</summary>
    private static int HangulTopLevel(ReadOnlySpan<char> word)
    {
        var best = 0;
        foreach (var name in TopLevelHangul)
        {
            if (name.Length > best && word.StartsWith(name, StringComparison.Ordinal)
                && (word.Length == name.Length || TopLevelEndings.Contains(word[name.Length])))
            {
                best = name.Length;
            }
        }

        return best;
    }

    /// <summary>"닷컴", "점넷이요": a word for the dot glued to a top-level domain; the length of both, or 0.</summary>
    private static int GluedTopLevel(ReadOnlySpan<char> word)
    {
        if (word.Length < 2 || DotWord(word[..1]) is null)
        {
            return 0;
        }

        var tld = HangulTopLevel(word[1..]);
        if (tld > 0)
        {
            return 1 + tld;
        }

        var ascii = LeadingAscii(word[1..]);
        return ascii > 0 && TopLevelWord(word.Slice(1, ascii)) ? 1 + ascii : 0;
    }

    /// <summary>"네이버닷컴": a Hangul label glued to 닷컴 and the like; the length up to the end of the top-level domain.</summary>
    private static int GluedHangulDomain(ReadOnlySpan<char> word)
    {
        for (var cut = 1; cut < word.Length - 1 && cut <= 6; cut++)
        {
            if (!Hangul.IsSyllable(word[cut - 1]))
            {
                return 0;
            }

            if (GluedTopLevel(word[cut..]) is var glued and > 0)
            {
                return cut + glued;
            }
        }

        return 0;
    }

    private static int LeadingAscii(ReadOnlySpan<char> word)
    {
        var i = 0;
        while (i < word.Length && (char.IsAsciiLetterOrDigit(word[i]) || word[i] is '.' or '-' or '_'))
        {
            i++;
        }

        return i;
    }

    private static bool TopLevelWord(ReadOnlySpan<char> word) => word.Length is >= 2 and <= 6 && IsLetters(word);

    /// <summary>"naver.com", "korea.go.kr": a written domain (a dot inside, letters after the last).</summary>
    private static bool WrittenDomain(ReadOnlySpan<char> word)
    {
        var dot = word.LastIndexOf('.');
        return dot > 0 && TopLevelWord(word[(dot + 1)..]);
    }

    private static bool IsLetters(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool AllHangul(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (!Hangul.IsSyllable(c))
            {
                return false;
            }
        }

        return word.Length > 0;
    }
}
