using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Minwon.Server.Data;

namespace Minwon.Server.Features.Languages;

public sealed record TranslatedAnswer(string ArticleId, string Title, string ShortAnswer, bool MachineTranslated, double Score);

/// <summary>
/// Finds the translated article that answers a question in the citizen's language: the overlap of character bigrams
/// (Chinese, Japanese, Thai have no spaces) and words between the question and the translation's title and keywords.
/// Translations are few per language (the articles citizens ask most), so they are scored in memory.
/// </summary>
public sealed class TranslatedAnswers(MinwonDbContext db, TimeProvider clock)
{
    /// <summary>Below this share of the question's features found in an article, the bot hands off instead.</summary>
    public const double MinScore = 0.34;

    public async Task<TranslatedAnswer?> FindAsync(string language, string question, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var translations = await db.Set<ArticleTranslation>().AsNoTracking()
            .Where(t => t.Language == language)
            .Join(db.Set<Knowledge.Article>().Where(a => !a.Retired), t => t.ArticleId, a => a.Id, (t, a) => new { t, a.ValidFrom, a.ValidUntil })
            .ToListAsync(ct);
        var asked = Features(question);
        if (asked.Count == 0)
        {
            return null;
        }

        TranslatedAnswer? best = null;
        foreach (var row in translations.Where(r => (r.ValidFrom is null || r.ValidFrom <= now) && (r.ValidUntil is null || r.ValidUntil >= now)))
        {
            var known = Features(row.t.Title + " " + row.t.Keywords.Replace(',', ' '));
            var score = (double)asked.Count(known.Contains) / asked.Count;
            if (score >= MinScore && (best is null || score > best.Score))
            {
                best = new TranslatedAnswer(row.t.ArticleId, row.t.Title, row.t.ShortAnswer, row.t.MachineTranslated, score);
            }
        }

        return best;
    }

    /// <summary>Lower-cased words of two letters or more, and character bigrams of unspaced scripts.</summary>
    public static HashSet<string> Features(string text)
    {
        var features = new HashSet<string>(StringComparer.Ordinal);
        var normal = text.Normalize(NormalizationForm.FormC).ToLower(CultureInfo.InvariantCulture);
        var word = new StringBuilder();
        foreach (var c in normal + " ")
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
                continue;
            }

            Add(features, word.ToString());
            word.Clear();
        }

        return features;
    }

    private static void Add(HashSet<string> features, string word)
    {
        if (word.Length == 0)
        {
            return;
        }

        if (word.Any(Unspaced))
        {
            for (var i = 0; i + 2 <= word.Length; i++)
            {
                // Hiragana are Japanese particles and endings (は, ます, ですか): they match every article alike.
                if (!IsHiragana(word[i]) && !IsHiragana(word[i + 1]))
                {
                    features.Add(word.Substring(i, 2));
                }
            }

            if (word.Length == 1)
            {
                features.Add(word);
            }
        }
        else if (word.Length >= 2 && !StopWords.Contains(word))
        {
            features.Add(word);
        }
    }

    private static bool IsHiragana(char c) => c is >= '\u3040' and <= '\u309F';

    private static bool Unspaced(char c) => c is >= '\u3040' and <= '\u9FFF' or >= '\u0E00' and <= '\u0E7F' or >= '\uF900' and <= '\uFAFF';

    // Function words of the Latin-script languages served, which match every article alike.
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "the", "to", "do", "how", "can", "is", "my", "of", "in", "and", "for", "what", "where", "it", "on", "at", "an", "be",
        "tôi", "toi", "có", "co", "không", "khong", "là", "la", "của", "cua", "thế", "the", "nào", "nao", "làm", "lam", "ở", "đâu", "dau",
        "được", "duoc", "cho", "và", "va", "với", "voi", "bị", "bi", "ạ",
    };
}
