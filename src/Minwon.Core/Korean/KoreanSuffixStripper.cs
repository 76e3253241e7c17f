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

    // Contractions of 하/되 with the past marker (했 = 하+였) that the EP list only has in their parts.
    private static readonly string[] Contractions = ["했", "됐", "했었", "됐었", "하였", "되었"];

    // Single-syllable endings worth stripping; the lists hold many more (료, 기, 고 ...) that are also the last
    // syllable of common nouns (과태료, 쓰레기, 사고), and stripping those would merge unrelated words.
    private static readonly string[] ShortEndings = ["요", "죠", "까", "냐", "며", "면", "서", "나", "니", "지", "네", "데", "다", "래", "대", "게"];

    // Declared after the tables above: static initialisers run in text order.
    public static KoreanSuffixStripper Default { get; } = new();

    private readonly SuffixSet particles;
    private readonly SuffixSet endings;
    private readonly SuffixSet prefinal;
    private readonly SuffixSet derivational;

    public KoreanSuffixStripper()
    {
        particles = new SuffixSet(EmbeddedData.MecabSurfaces("J"));
        endings = new SuffixSet([.. new[] { "EC", "EF", "ETM" }.SelectMany(EmbeddedData.MecabSurfaces)
            .Where(e => e.Length > 1 || ShortEndings.Contains(e)), .. ShortEndings]);
        prefinal = new SuffixSet([.. EmbeddedData.MecabSurfaces("EP").Where(e => e.Length > 1 || e is "았" or "었" or "였" or "겠" or "시"), .. Contractions]);
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
            // Particles and verb endings compete; the longer strip wins and a particle wins a tie, because most
            // of what citizens ask about is a noun (과태료는, 여권으로) while 신청하려면 needs the ending 려면.
            var withoutParticle = particles.StripLongest(current);
            var withoutEnding = derivational.StripLongest(prefinal.StripLongest(endings.StripLongest(current)));
            var next = withoutEnding.Length < withoutParticle.Length ? withoutEnding : withoutParticle;
            if (next == current)
            {
                break;
            }

            current = next;
        }

        return current;
    }

    /// <summary>The word without one trailing particle (조사) of the mecab-ko-dic list: 버스가 → 버스, 냄새때문에 stays.</summary>
    public string StripParticle(string word) =>
        word.Length <= MinStemLength || !Hangul.IsSyllable(word[^1]) ? word : particles.StripLongest(word);

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
