namespace Minwon.Core.Languages;

/// <summary>Accuracy of an identifier on a labelled set, per language and for short messages (2-5 words).</summary>
public sealed record LanguageEvaluation(
    int Total,
    int Correct,
    int ShortTotal,
    int ShortCorrect,
    IReadOnlyDictionary<string, (int Total, int Correct)> PerLanguage,
    IReadOnlyList<(LanguageSample Sample, LanguageGuess Guess)> Errors)
{
    public double Accuracy => Total == 0 ? 0 : (double)Correct / Total;

    public double ShortAccuracy => ShortTotal == 0 ? 0 : (double)ShortCorrect / ShortTotal;

    public double AccuracyOf(string language) =>
        PerLanguage.TryGetValue(language, out var c) && c.Total > 0 ? (double)c.Correct / c.Total : 0;

    /// <summary>A message counts as short when it has at most five words (or, unspaced, at most twelve letters).</summary>
    public static bool IsShort(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return words > 1 ? words <= 5 : ScriptCounts.Of(text).Letters <= 12;
    }

    public static LanguageEvaluation Run(LanguageIdentifier identifier, IReadOnlyList<LanguageSample> samples)
    {
        var per = new SortedDictionary<string, (int Total, int Correct)>(StringComparer.Ordinal);
        var errors = new List<(LanguageSample, LanguageGuess)>();
        int correct = 0, shortTotal = 0, shortCorrect = 0;
        foreach (var sample in samples)
        {
            var guess = identifier.Identify(sample.Text);
            var ok = guess.Language == sample.Language;
            var (t, c) = per.GetValueOrDefault(sample.Language);
            per[sample.Language] = (t + 1, c + (ok ? 1 : 0));
            correct += ok ? 1 : 0;
            if (IsShort(sample.Text))
            {
                shortTotal++;
                shortCorrect += ok ? 1 : 0;
            }

            if (!ok)
            {
                errors.Add((sample, guess));
            }
        }

        return new LanguageEvaluation(samples.Count, correct, shortTotal, shortCorrect, per, errors);
    }
}
