using Minwon.Core.Platform;

namespace Minwon.Core.TextSafety;

/// <summary>
/// The curated abusive-term trie, the allow-word trie and the co-occurrence rules, built once from the embedded
/// raw lexicon and <see cref="CuratedTerms"/>. Read-only after construction.
/// </summary>
internal sealed class AbuseLexicon
{
    public TermTrie Terms { get; } = new();

    public TermTrie Allowed { get; } = new();

    public int MaxAllowedLength { get; private set; }

    public IReadOnlySet<string> WordStartOnly { get; }

    public int RawKept { get; private set; }

    private AbuseLexicon(IEnumerable<string> rawLines)
    {
        foreach (var line in rawLines)
        {
            var raw = line.Trim();
            if (!LexiconCuration.Keep(raw))
            {
                continue;
            }

            var normalized = TextNormalizer.Normalize(raw).ToString();
            if (normalized.Length < 2 || normalized.All(char.IsAsciiDigit) || LexiconCuration.Excluded.Contains(normalized))
            {
                continue;
            }

            var (label, weight) = LexiconCuration.Categorize(normalized);
            Terms.Add(new AbuseTerm(normalized, label, weight, Raw: true));
            RawKept++;
        }

        // Curated entries come last so their label and weight win over the raw list's guess.
        foreach (var (text, label, weight) in CuratedTerms.All())
        {
            var normalized = TextNormalizer.Normalize(text).ToString();
            Terms.Replace(new AbuseTerm(normalized, label, weight));
        }

        var wordStart = new HashSet<string>(StringComparer.Ordinal);
        foreach (var term in LexiconCuration.WordStartOnly)
        {
            wordStart.Add(TextNormalizer.Normalize(term).ToString());
        }

        WordStartOnly = wordStart;
        foreach (var word in LexiconCuration.AllowWords)
        {
            var normalized = TextNormalizer.Normalize(word).ToString();
            Allowed.Add(new AbuseTerm(normalized, AbuseLabel.None, 0));
            MaxAllowedLength = Math.Max(MaxAllowedLength, normalized.Length);
        }
    }

    public static AbuseLexicon FromEmbeddedData() => new(EmbeddedData.ReadLines("korean-bad-words.txt"));

    internal static AbuseLexicon From(IEnumerable<string> rawLines) => new(rawLines);
}
