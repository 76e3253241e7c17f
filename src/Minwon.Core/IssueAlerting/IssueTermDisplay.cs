using Minwon.Core.Korean;
using Minwon.Core.Reference;

namespace Minwon.Core.IssueAlerting;

/// <summary>
/// Turns an issue's significant terms (mostly bigrams, by score) into whole words a supervisor can read (issue 9 item
/// 11): each term becomes the most common noun of the contacts that contains it ("수돗" → "수돗물", "행중" → "운행중단").
/// Nouns are the contacts' space-separated words with a particle (the mecab-ko-dic list) or a copula / 하다 / 되다
/// ending stripped ("단수됐어요" → "단수", "파업인가요" → "파업"); verb forms ("안나와요"), words glued without spaces
/// that end in a verb, adverbs ("빨리") and words in too few contacts never become a term, so labels are never
/// fragments such as "안나" or "리와".
/// </summary>
public static class IssueTermDisplay
{
    /// <summary>A noun must be in at least this share of the issue's contacts (and in two of them).</summary>
    private const double MinShare = 0.2;

    private const int MaxNounLength = 8;

    /// <summary>Shared nouns are added until the label has this many words.</summary>
    private const int FilledTerms = 3;

    // Noun + copula or 하다/되다 with an ending; longest first. "단수됐어요", "정전이에요", "침수피해 신고합니다".
    private static readonly string[] PredicateTails = new[]
    {
        "되었습니다", "되었어요", "됐습니다", "됐어요", "됐나요", "됐는데", "됐네요", "됐음", "됐다", "됨", "되나요", "되는데", "돼요", "돼서",
        "했습니다", "했어요", "합니다", "해요", "해주세요", "하는데", "하나요", "하면", "함", "이었어요", "이에요", "이예요", "예요", "에요",
        "입니다", "인가요", "인데요", "인데", "이라는데", "이라서", "이라", "인지", "이고", "이요", "이야", "임", "중이에요", "중인데",
        "때문에", "때문",
    }.OrderByDescending(t => t.Length).ToArray();

    // Endings of verbs and adjectives: a word ending so is no noun ("안나와요", "꺼졌어요", "녹아요", "막혔다"). A noun
    // with a polite 요 ("단수요") is lost with them: rare in reports, and a wrong noun costs more than a missing one.
    private static readonly string[] VerbEndings = new[]
    {
        "요", "는데", "은데", "어서", "아서", "니까", "려고", "지만", "습니다", "니다", "세요", "았", "었", "겠", "죠", "다", "게", "면", "며",
    }.OrderByDescending(t => t.Length).ToArray();

    // Words that say nothing about what happened: adverbs, time, and the act of complaining itself.
    private static readonly HashSet<string> StopNouns =
    [
        "빨리", "지금", "너무", "계속", "갑자기", "언제", "어떻게", "오늘", "어제", "내일", "진짜", "정말", "전체", "여기", "저기", "거기",
        "혹시", "다시", "아직", "벌써", "이거", "그거", "저거", "저희", "우리", "문의", "확인", "신고", "요청", "안내", "부탁", "질문",
        "민원", "접수", "때문", "그냥", "근데", "그런데", "아니", "몇시", "며칠", "며칠째", "얼마", "대체", "일대", "주변", "근처", "현장",
    ];

    /// <param name="minShare">
    /// Share of the contacts a noun must be in (default 0.2); an issue found on its new wording (many different words,
    /// none in a fifth of the contacts) passes a lower one.
    /// </param>
    public static IReadOnlyList<string> Compose(IReadOnlyList<string> labels, IReadOnlyList<string> texts, int max, double minShare = MinShare)
    {
        var nouns = NounCounts(texts);
        var needed = Math.Max(2, minShare * texts.Count);
        var frequent = nouns.Where(n => n.Value >= needed).OrderByDescending(n => n.Value).ThenBy(n => n.Key.Length)
            .Select(n => n.Key).ToList();
        var result = new List<string>();
        foreach (var label in labels.Take(24))
        {
            // The most common whole word holding the term; among equals the shortest ("단수" before "전체단수").
            var noun = frequent.FirstOrDefault(n => n.Contains(label, StringComparison.Ordinal) || label.Contains(n, StringComparison.Ordinal) && n.Length >= 2);
            if (noun is null || result.Any(r => r.Contains(noun, StringComparison.Ordinal) || noun.Contains(r, StringComparison.Ordinal)))
            {
                continue;
            }

            result.Add(noun);
            if (result.Count >= max)
            {
                return result;
            }
        }

        // The significant terms may all be verb fragments ("안나", "나와" of 물이 안나와요): then the nouns most contacts
        // share name the issue ("단수", "망원동").
        foreach (var noun in frequent)
        {
            if (result.Count >= Math.Min(max, FilledTerms))
            {
                break;
            }

            if (!result.Any(r => r.Contains(noun, StringComparison.Ordinal) || noun.Contains(r, StringComparison.Ordinal)))
            {
                result.Add(noun);
            }
        }

        return result;
    }

    /// <summary>In how many of the texts each noun occurs.</summary>
    public static Dictionary<string, int> NounCounts(IEnumerable<string> texts)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            foreach (var noun in IssueTermExtractor.Tokens(text).Select(NounOf).OfType<string>().Distinct(StringComparer.Ordinal))
            {
                counts[noun] = counts.GetValueOrDefault(noun) + 1;
            }
        }

        return counts;
    }

    /// <summary>The noun a word is built on, or null for a verb or adjective form, a stop word or a district name.</summary>
    public static string? NounOf(string token)
    {
        if (token.Length < 2)
        {
            return null;
        }

        if (!token.All(Hangul.IsSyllable))
        {
            // Latin and digits: line names (2호선) and acronyms (ktx) are words; mixed runs are not.
            return token.Any(char.IsAsciiLetter) && token.All(char.IsAsciiLetterOrDigit) || token.Length <= 4 && token.EndsWith("호선", StringComparison.Ordinal)
                ? Keep(token) : null;
        }

        foreach (var tail in PredicateTails)
        {
            if (token.Length - tail.Length >= 2 && token.EndsWith(tail, StringComparison.Ordinal))
            {
                return Keep(KoreanSuffixStripper.Default.StripParticle(token[..^tail.Length]));
            }
        }

        if (VerbEndings.Any(e => token.Length > e.Length && token.EndsWith(e, StringComparison.Ordinal) && (e.Length > 1 || token.Length >= 3)))
        {
            return null;
        }

        // 물이, 눈이, 차가: a one-syllable noun with its particle, too short to name an issue (도로, 수도 are nouns).
        if (token.Length == 2 && token[1] is '이' or '가' or '을' or '를' or '은' or '는' or '에' or '의')
        {
            return null;
        }

        return Keep(KoreanSuffixStripper.Default.StripParticle(token));
    }

    private static string? Keep(string noun) =>
        noun.Length is >= 2 and <= MaxNounLength && !StopNouns.Contains(noun) && !IsDistrict(noun) ? noun : null;

    private static bool IsDistrict(string noun) =>
        noun.EndsWith('구') && SeoulPlaces.Instance.DistrictOf(noun) is not null;
}
