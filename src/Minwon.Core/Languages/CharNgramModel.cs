using System.Globalization;
using System.Text;

namespace Minwon.Core.Languages;

/// <summary>
/// A naive Bayes model over character 1- to 3-grams of space-padded, lower-cased words (the classic Cavnar-Trenkle
/// feature set, scored by smoothed log-probabilities instead of rank distance). Small training texts are enough to
/// separate languages that share a script, which is all it is asked: the script decides everything else.
/// </summary>
public sealed class CharNgramModel
{
    public const int MaxOrder = 3;

    private const double Smoothing = 0.5;

    private readonly Dictionary<string, Dictionary<string, int>> counts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long[]> totals = new(StringComparer.Ordinal);
    private readonly HashSet<string>[] vocabulary = [.. Enumerable.Range(0, MaxOrder + 1).Select(_ => new HashSet<string>(StringComparer.Ordinal))];

    public IReadOnlyCollection<string> Languages => counts.Keys;

    public int NgramCount => counts.Values.Sum(c => c.Count);

    public void Train(string language, string text)
    {
        if (!counts.TryGetValue(language, out var table))
        {
            counts[language] = table = new Dictionary<string, int>(StringComparer.Ordinal);
            totals[language] = new long[MaxOrder + 1];
        }

        foreach (var gram in Ngrams(text))
        {
            table[gram] = table.GetValueOrDefault(gram) + 1;
            totals[language][gram.Length]++;
            vocabulary[gram.Length].Add(gram);
        }
    }

    /// <summary>Log-likelihood of the text under each of <paramref name="candidates"/> (those the model knows).</summary>
    public IReadOnlyList<(string Language, double LogLikelihood)> Score(string text, IReadOnlyList<string> candidates)
    {
        var grams = Ngrams(text).ToList();
        var result = new List<(string, double)>(candidates.Count);
        foreach (var language in candidates)
        {
            if (!counts.TryGetValue(language, out var table))
            {
                continue;
            }

            var total = totals[language];
            var sum = 0.0;
            foreach (var gram in grams)
            {
                var n = gram.Length;
                sum += Math.Log((table.GetValueOrDefault(gram) + Smoothing) / (total[n] + Smoothing * (vocabulary[n].Count + 1)));
            }

            result.Add((language, sum));
        }

        return result;
    }

    /// <summary>Lower-cased (NFC, so Vietnamese tone marks stay one letter) letters of each word, padded with a space.</summary>
    public static IEnumerable<string> Ngrams(string text)
    {
        var normal = text.Normalize(NormalizationForm.FormC).ToLower(CultureInfo.InvariantCulture);
        var word = new StringBuilder(" ");
        foreach (var c in normal + " ")
        {
            if (char.IsLetter(c) || c is '\'' or '\u02BC' && word.Length > 1 || char.IsSurrogate(c))
            {
                word.Append(c);
                continue;
            }

            if (word.Length > 1)
            {
                word.Append(' ');
                var w = word.ToString();
                for (var n = 1; n <= MaxOrder; n++)
                {
                    for (var i = 0; i + n <= w.Length; i++)
                    {
                        if (n == 1 && w[i] == ' ')
                        {
                            continue;
                        }

                        yield return w.Substring(i, n);
                    }
                }
            }

            word.Clear().Append(' ');
        }
    }
}
