using System.Globalization;
using System.Text;

namespace Minwon.Core.IssueAlerting;

/// <summary>
/// Self-contained Korean term extraction for issue detection. Citizens write "망원동에물이안나와요", "단수됐어요" and
/// "수돗물 안나옴" about the same thing, so a contact yields (a) character bigrams of every token, which survive missing
/// spaces and endings, and (b) each token with a trailing ending and particle stripped ("단수됐어요" → "단수"), which reads
/// well in alerts. Kept here rather than in Korean/ so the detector depends on nothing unmerged; the shared analyser
/// can replace it behind <see cref="Extract"/>.
/// </summary>
public static class IssueTermExtractor
{
    // Longest first: the first match wins.
    private static readonly string[] Endings =
    [
        "되었습니다", "되었어요", "됐습니다", "했습니다", "합니다", "입니다", "습니다", "됩니다", "이에요", "였어요", "었어요",
        "았어요", "됐어요", "했어요", "해주세요", "해줘요", "주세요", "인가요", "나요", "네요", "어요", "아요", "해요", "돼요",
        "예요", "에요", "까요", "는데", "니다", "인데", "거든요", "잖아요", "됨", "함", "음", "임", "요",
    ];

    private static readonly string[] Particles =
    [
        "에서는", "에서", "으로", "에게", "한테", "까지", "부터", "이랑", "처럼", "보다", "이", "가", "은", "는", "을", "를",
        "에", "의", "도", "로", "와", "과", "랑", "만",
    ];

    // Bigrams of endings and politeness that say nothing about the topic; dropping them saves work, not accuracy.
    private static readonly HashSet<string> StopTerms =
    [
        "어요", "아요", "해요", "세요", "니다", "습니", "합니", "네요", "나요", "데요", "는데", "주세", "드립", "립니",
        "요즘", "그런", "근데", "있는", "하는", "하고", "에서", "으로", "해주", "안녕", "녕하", "하세", "수고", "고하",
        "저기", "여기", "문의", "궁금", "금합", "감사", "사합",
    ];

    /// <summary>Distinct terms of a contact's text, bigrams and stripped words, in order of first appearance.</summary>
    public static List<string> Extract(string? text)
    {
        var terms = new List<string>(32);
        if (string.IsNullOrWhiteSpace(text))
        {
            return terms;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in Tokens(text))
        {
            for (var i = 0; i + 1 < token.Length; i++)
            {
                var bigram = token.Substring(i, 2);
                if (!StopTerms.Contains(bigram) && seen.Add(bigram))
                {
                    terms.Add(bigram);
                }
            }

            var stem = Stem(token);
            if (stem.Length is >= 2 and <= 12 && !StopTerms.Contains(stem) && seen.Add(stem))
            {
                terms.Add(stem);
            }
        }

        return terms;
    }

    /// <summary>Lower-cased runs of letters and digits after NFKC; jamo-only runs (ㅠㅠ, ㅋㅋ) and punctuation separate.</summary>
    public static IEnumerable<string> Tokens(string text)
    {
        var normalised = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var current = new StringBuilder();
        foreach (var ch in normalised)
        {
            if (IsTermChar(ch))
            {
                current.Append(ch);
            }
            else if (current.Length > 0)
            {
                yield return current.ToString();
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            yield return current.ToString();
        }
    }

    /// <summary>Strips one ending, then one particle, while at least two characters remain.</summary>
    public static string Stem(string token)
    {
        var stem = StripOne(token, Endings);
        return StripOne(stem, Particles);
    }

    private static string StripOne(string word, string[] suffixes)
    {
        foreach (var suffix in suffixes)
        {
            if (word.Length - suffix.Length >= 2 && word.EndsWith(suffix, StringComparison.Ordinal))
            {
                return word[..^suffix.Length];
            }
        }

        return word;
    }

    private static bool IsTermChar(char ch) =>
        ch is >= '가' and <= '힣' || char.IsAsciiLetterOrDigit(ch) ||
        (char.IsLetterOrDigit(ch) && CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.OtherLetter);
}
