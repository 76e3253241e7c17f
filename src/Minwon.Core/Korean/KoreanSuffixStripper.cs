using Minwon.Core.Platform;

namespace Minwon.Core.Korean;

/// <summary>
/// Strips particles (조사) and verb endings (어미) from a word by longest match against the mecab-ko-dic lists,
/// so 과태료를, 과태료는 and 과태료요 all index as 과태료 and 신청하려면 as 신청. Endings that start with a bare
/// consonant (ㄴ다, ㄹ게요) attach to the previous syllable's 받침: 한다 → 하. Stems keep at least
/// <see cref="MinStemLength"/> syllables so short nouns (신고, 여권) are never eaten.
/// </summary>
public sealed class KoreanSuffixStripper
{
    public const int MinStemLength = 2;
    private const int MaxPasses = 3;

    public static KoreanSuffixStripper Default { get; } = new();

    private readonly SuffixSet endings;
    private readonly SuffixSet prefinal;
    private readonly SuffixSet derivational;

    public KoreanSuffixStripper()
    {
        endings = new SuffixSet([.. EmbeddedData.MecabSurfaces("J"), .. EmbeddedData.MecabSurfaces("EC"),
            .. EmbeddedData.MecabSurfaces("EF"), .. EmbeddedData.MecabSurfaces("ETM")]);
        prefinal = new SuffixSet(EmbeddedData.MecabSurfaces("EP"));
        derivational = new SuffixSet(EmbeddedData.MecabSurfaces("XSV"));
    }

    /// <summary>The stem of one normalised word (no spaces). Words that are not Hangul come back unchanged.</summary>
    public string Strip(string word)
    {
        if (word.Length <= MinStemLength || !Hangul.IsSyllable(word[^1]))
        {
            return word;
        }

        var current = word;
        for (var pass = 0; pass < MaxPasses; pass++)
        {
            var next = derivational.StripLongest(prefinal.StripLongest(endings.StripLongest(current)));
            if (next == current)
            {
                break;
            }

            current = next;
        }

        return current;
    }

    private sealed class SuffixSet
    {
        private readonly HashSet<string> syllableForms = new(StringComparer.Ordinal);

        // Keyed by the trailing consonant (as compatibility jamo) followed by the rest of the ending.
        private readonly HashSet<string> tailForms = new(StringComparer.Ordinal);
        private readonly int maxLength;

        public SuffixSet(IEnumerable<string> surfaces)
        {
            foreach (var raw in surfaces)
            {
                var surface = ToCompatibilityJamo(raw);
                if (surface.Length == 0)
                {
                    continue;
                }

                if (Hangul.IsCompatibilityJamo(surface[0]))
                {
                    if (Hangul.Tails.IndexOf(surface[0]) > 0 && surface.Skip(1).All(Hangul.IsSyllable))
                    {
                        tailForms.Add(surface);
                    }
                }
                else if (surface.All(Hangul.IsSyllable))
                {
                    syllableForms.Add(surface);
                }

                maxLength = Math.Max(maxLength, surface.Length);
            }
        }

        public string StripLongest(string word)
        {
            var first = Math.Max(MinStemLength, word.Length - maxLength);
            for (var i = first; i < word.Length; i++)
            {
                if (syllableForms.Contains(word[i..]))
                {
                    return word[..i];
                }

                // The ending starts inside syllable i: its 받침 belongs to the ending.
                if (i + 1 >= MinStemLength && i + 1 < word.Length
                    && Hangul.TryDecompose(word[i], out var lead, out var vowel, out var tail) && tail != 0
                    && tailForms.Contains(Hangul.Tails[tail] + word[(i + 1)..]))
                {
                    return word[..i] + Hangul.Compose(lead, vowel);
                }
            }

            return word;
        }

        // mecab-ko-dic writes bare consonants as conjoining jamo (U+11AB); keyboards and Hangul.Tails use U+3134.
        private static string ToCompatibilityJamo(string text)
        {
            var chars = text.ToCharArray();
            for (var i = 0; i < chars.Length; i++)
            {
                var c = chars[i];
                if (c is >= '\u11A8' and <= '\u11C2')
                {
                    chars[i] = Hangul.Tails[c - '\u11A8' + 1];
                }
                else if (c is >= '\u1100' and <= '\u1112')
                {
                    chars[i] = Hangul.Leads[c - '\u1100'];
                }
            }

            return new string(chars);
        }
    }
}
