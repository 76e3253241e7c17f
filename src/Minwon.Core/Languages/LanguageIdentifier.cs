using Minwon.Core.Platform;

namespace Minwon.Core.Languages;

/// <summary>
/// Identifies the language of a citizen's message: the script first (Hangul is Korean, kana Japanese, Thai script Thai
/// and so on), then a character n-gram model among the languages that share the script (Latin: English, Vietnamese,
/// Indonesian, Tagalog, Spanish, French, German; Cyrillic: Russian, Mongolian; Han without kana: Chinese, Japanese).
/// The model is trained on first use from the text shipped in data-seed/languages (written by the team; NOTICE.md).
/// </summary>
public sealed class LanguageIdentifier(CharNgramModel model)
{
    /// <summary>Every language this identifier can answer, ISO 639-1.</summary>
    public static readonly IReadOnlyList<string> Supported =
        ["ko", "en", "zh", "ja", "vi", "mn", "ru", "th", "id", "tl", "es", "fr", "de", "lo", "km", "my", "ar"];

    public static readonly IReadOnlyList<string> Trained = ["en", "vi", "id", "tl", "es", "fr", "de", "ru", "mn", "zh", "ja"];

    private static readonly string[] LatinLanguages = ["en", "vi", "id", "tl", "es", "fr", "de"];
    private static readonly string[] CyrillicLanguages = ["ru", "mn"];
    private static readonly string[] HanLanguages = ["zh", "ja"];

    private static readonly Lazy<LanguageIdentifier> Shared = new(() => new LanguageIdentifier(TrainEmbedded()));

    /// <summary>The identifier trained on the shipped text (built once per process, a few milliseconds).</summary>
    public static LanguageIdentifier Default => Shared.Value;

    public CharNgramModel Model => model;

    public LanguageGuess Identify(string text)
    {
        var scripts = ScriptCounts.Of(text);
        var dominant = scripts.Dominant();
        return dominant switch
        {
            Script.None => new LanguageGuess(LanguageGuess.Undetermined, Script.None, 0),
            Script.Hangul => new LanguageGuess("ko", dominant, 1),
            // Kana are Japanese only; Han without them is Chinese or a kanji-only Japanese phrase (申請書).
            Script.Han when scripts[Script.Kana] > 0 => new LanguageGuess("ja", Script.Kana, 1),
            Script.Han => ByModel(text, dominant, HanLanguages),
            Script.Latin => ByModel(text, dominant, LatinLanguages),
            Script.Cyrillic => ByModel(text, dominant, CyrillicLanguages),
            Script.Thai => new LanguageGuess("th", dominant, 1),
            Script.Lao => new LanguageGuess("lo", dominant, 1),
            Script.Khmer => new LanguageGuess("km", dominant, 1),
            Script.Myanmar => new LanguageGuess("my", dominant, 1),
            Script.Arabic => new LanguageGuess("ar", dominant, 1),
            // Devanagari writes Nepali as well as Hindi, both common among Seoul's residents: no guess between them.
            _ => new LanguageGuess(LanguageGuess.Undetermined, dominant, 0),
        };
    }

    private LanguageGuess ByModel(string text, Script script, IReadOnlyList<string> candidates)
    {
        var scores = model.Score(text, candidates);
        if (scores.Count == 0)
        {
            return new LanguageGuess(LanguageGuess.Undetermined, script, 0);
        }

        var best = scores.MaxBy(s => s.LogLikelihood);
        // Posterior with equal priors: softmax of the log-likelihoods.
        var sum = scores.Sum(s => Math.Exp(s.LogLikelihood - best.LogLikelihood));
        return new LanguageGuess(best.Language, script, 1 / sum);
    }

    public static CharNgramModel TrainEmbedded()
    {
        var model = new CharNgramModel();
        foreach (var language in Trained)
        {
            foreach (var line in EmbeddedData.ReadLines($"languages.{language}.txt"))
            {
                model.Train(language, line);
            }
        }

        return model;
    }
}
