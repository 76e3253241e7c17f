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
internal sealed class SpokenNumbers
{
    private static readonly string[] Suffixes = ["번지", "번", "호", "동", "층", "길", "요", "예요", "에요", "에", "의"];
    private static readonly string[] Fillers = ["잠깐만요", "잠깐만", "잠깐", "어", "음", "아", "그", "그러니까"];
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

    public static SpokenNumbers? Normalize(string text)
    {
        var tokens = Tokenize(text);
        if (tokens is null)
        {
            return null;
        }

        Accept(text, tokens);
        var email = text.Contains("골뱅이", StringComparison.Ordinal) || text.Contains('@');
        var output = new Output(text);
        var changed = false;
        var previous = -1;
        for (var t = 0; t < tokens.Count; t++)
        {
            var token = tokens[t];
            var gapStart = previous < 0 ? 0 : tokens[previous].End;

            // "칠 칠 아니 팔 팔": the words after 아니 replace as many digits said just before it.
            if (token.Word(text) is "아니" && previous >= 0 && tokens[previous].Number && Correction(text, tokens, t) is var next and > 0)
            {
                var replaced = Replacing(tokens, next);
                var back = previous;
                var dropped = 0;
                while (back >= 0 && tokens[back].Number && tokens[back].Emitted >= 0 && dropped < replaced)
                {
                    dropped += tokens[back].Digits!.Length;
                    back--;
                }

                output.Truncate(tokens[back + 1].Emitted);
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
            var joined = previous >= 0 && gap is " " && Joins(text, tokens[previous], token, email);
            if (joined)
            {
                changed = true;
            }
            else if (token.JoinBack)
            {
                // After a correction the replacing digits follow what was kept, in place of the dropped ones.
                changed = true;
            }
            else
            {
                output.Copy(gapStart, token.Start);
            }

            tokens[t] = token with { Emitted = output.Length };
            if (token.Number && token.Spoken)
            {
                output.Append(token.Digits!, token.Start, token.CoreEnd);
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
            else if (email && EmailWord(token.Word(text)) is { } replacement)
            {
                output.Append(replacement, token.Start, token.End);
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
        return output.Build();
    }

    /// <summary>How many digits a correction replaces: its first word, or its run of digits said one by one.</summary>
    private static int Replacing(List<Token> tokens, int at)
    {
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

            if (!In(Fillers, tokens[t].Word(text)))
            {
                return 0;
            }
        }

        return 0;
    }

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

        return email && (EmailWord(before.Word(text)) is not null || EmailWord(after.Word(text)) is not null);
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

    private static string? EmailWord(ReadOnlySpan<char> word) => word switch
    {
        "골뱅이" or "앳" => "@",
        "점" or "닷" or "쩜" => ".",
        "닷컴" or "점컴" => ".com",
        _ => null,
    };

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
    private static List<Token>? Tokenize(string text)
    {
        // A first pass without a list: most lines hold no number word and allocate nothing here.
        return Scan(text, null) ? Collect(text) : null;

        static List<Token> Collect(string text)
        {
            var tokens = new List<Token>();
            Scan(text, tokens);
            return tokens;
        }
    }

    private static bool Scan(string text, List<Token>? tokens)
    {
        var any = false;
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

            var token = Read(text, start, i);
            var word = token.Word(text);
            any |= token.Spoken || token.Number && i - start == 1 || EmailWord(word) is not null || Lettered(word) is not null;
            if (tokens is null && any)
            {
                return true;
            }

            tokens?.Add(token);
        }

        return any;
    }

    private static Token Read(string text, int start, int end)
    {
        var word = text.AsSpan(start, end - start);
        if (word.Length <= 4 && AllAsciiDigits(word))
        {
            return new Token(start, end, end, word.ToString(), Spoken: false);
        }

        if (Parse(word) is { } digits)
        {
            return new Token(start, end, end, digits, Spoken: true);
        }

        foreach (var suffix in Suffixes)
        {
            if (word.Length <= suffix.Length || !word.EndsWith(suffix, StringComparison.Ordinal))
            {
                continue;
            }

            // "오륙칠팔이요": before an ending a final 이 is the copula, and a lone digit before one is a word ("이요").
            var coreEnd = end - suffix.Length;
            if (suffix[^1] == '요')
            {
                coreEnd -= text[coreEnd - 1] == '이' ? 1 : 0;
                if (coreEnd - start < 2)
                {
                    break;
                }
            }

            if (Parse(text.AsSpan(start, coreEnd - start)) is { } core)
            {
                return new Token(start, end, coreEnd, core, Spoken: true) { Particle = suffix is "에" or "의" };
            }
        }

        return new Token(start, end, end, null, Spoken: false);
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
        foreach (var c in word)
        {
            if (Unit(c) > 0)
            {
                units = true;
            }
            else if (Digit(c) < 0)
            {
                return null;
            }
        }

        if (!units)
        {
            // The span itself is the state: word.ToString() made a second string for every digit word (일, 이사, 공사 …).
            return string.Create(word.Length, word, static (buffer, source) =>
            {
                for (var k = 0; k < buffer.Length; k++)
                {
                    buffer[k] = (char)('0' + Digit(source[k]));
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
    /// Decides which number words are numbers here: three syllables or more, or with a unit, or next to another number
    /// (across a word read for the hyphen); a lone 이 before a word that is not a number is the copula ("이삼 이 아니고").
    /// </summary>
    private static void Accept(string text, List<Token> tokens)
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
            if (length == 1 && t > 0 && tokens[t - 1].Word(text) is "길" or "번길" && t > 1 && tokens[t - 2].Number)
            {
                // "이십칠 길 오": the building number after a road's side street.
                keep = true;
            }
            else if (length == 1)
            {
                var dictating = t > 0 && tokens[t - 1].Digits is { Length: 1 };
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

    private static bool Neighbour(string text, List<Token> tokens, int t, int step)
    {
        var n = t + step;
        // Across a word read for the hyphen, or a plate's syllable ("이오 허 삼 팔 팔 삼").
        if (n >= 0 && n < tokens.Count && tokens[n].Digits is null && (Hyphen(text, tokens[n]) || tokens[n].End - tokens[n].Start == 1 && PlateSyllables.Contains(text[tokens[n].Start], StringComparison.Ordinal)))
        {
            n += step;
        }

        return n >= 0 && n < tokens.Count && tokens[n].Digits is not null && (tokens[n].CoreEnd == tokens[n].End || tokens[n].Particle || step > 0);
    }

    /// <summary>A word that may stand between two parts of one number: one read for the hyphen, the particle heard for
    /// it, 아니 of a self-correction, or a written hyphen.</summary>
    private static bool Hyphen(string text, Token token) => IsHyphenWord(text, token) || token.Word(text) is "에" or "의" or "아니" or "-";

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

    private static int Unit(char c) => c switch
    {
        '십' => 10,
        '백' => 100,
        '천' => 1000,
        _ => 0,
    };

    private readonly record struct Token(int Start, int End, int CoreEnd, string? Digits, bool Spoken)
    {
        public bool Number => Digits is not null;

        public int Emitted { get; init; } = -1;

        public bool JoinBack { get; init; }

        /// <summary>The number ends in 에 or 의, read for the hyphen ("공일공에").</summary>
        public bool Particle { get; init; }

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
