using Minwon.Core.Korean;

namespace Minwon.Core.Quality;

/// <summary>
/// Finds 반말 (plain speech) in a counsellor's words by the sentence-final ending (종결어미). A word counts when it
/// ends a sentence (punctuation, or the end of the turn not continued by an auxiliary in the next turn, which is how
/// speech-to-text splits "확인해 / 드릴게요") and its ending is a plain final form: -잖아, -거든, -냐, -야, -어/-아 after
/// the past or future marker (했어, 있어, 겠어), -ㄴ다, -ㄹ게, imperatives (해, 봐, 줘, 기다려) and the like. Words
/// ending in a polite form (-요, -ㅂ니다/-습니다, -죠, -시오) or carrying the honorific -시- are never plain.
/// In unpunctuated speech-to-text only the unambiguous endings are looked for inside a turn.
/// Nouns that happen to end in the same syllables (피해, 올해, 분야) are excluded.
/// </summary>
internal static class SpeechLevel
{
    private const int TailSsang = 20; // ㅆ
    private const int TailBs = 18; // ㅄ
    private const int TailL = 8; // ㄹ
    private const int TailB = 17; // ㅂ

    private static readonly HashSet<string> PlainWords = new(StringComparer.Ordinal)
    {
        "응", "야", "그래", "알았어", "알겠어", "몰라", "됐어", "됐다", "맞아", "아니야", "싫어", "좋아", "뭐야", "그치", "그렇지",
        "그러게", "어쩌라고", "글쎄", "잠깐만", "됐거든", "알았다고", "아니거든", "왜", "엉", "웅", "ㅇㅇ", "ㅇㅋ", "ㄴㄴ", "ㄱㄱ", "해", "타",
        "돼", "봐", "줘", "마", "말아", "알아", "많아", "괜찮아", "같아", "아파", "바빠", "기다려", "들어", "불러", "말해", "알려",
        "찾아", "적어", "써", "읽어", "보내", "나와", "하지", "되지", "알지", "맞지", "아니지", "거지", "뭐냐",
    };

    private static readonly HashSet<string> NounsEndingLikeVerbs = new(StringComparer.Ordinal)
    {
        "피해", "이해", "올해", "방해", "손해", "침해", "재해", "수해", "오해", "새해", "대해", "통해", "의해", "관해", "위해", "동해",
        "서해", "남해", "황해", "분야", "시야", "이야기", "부지", "금지", "방지", "유지", "통지", "고지", "거주지", "주소지", "소재지",
        "목적지", "여지", "편지", "휴지", "토지", "용지", "가지", "까지", "부터", "마다", "보다", "이다", "바다", "판다", "빨래", "마라",
        "추가", "참여", "고려", "배려", "기타", "가게", "평가", "국가", "미래", "나라", "하나", "하나가", "영어", "단어", "언어", "용어",
        "국어", "한국어", "외국어", "중국어", "일본어", "상어", "연어", "숭어", "방어", "고등어", "오징어", "문어", "붕어", "광어", "장어",
        "동네", "콜라", "염려", "기와", "시간대", "한다면", "이네", "카네",
    };

    // Plain final endings (from the EF list) that are unambiguous wherever the word stands.
    private static readonly string[] StrongSuffixes = ["잖아", "잖니", "잖냐", "거든", "냐", "느냐", "냐고", "겠어", "겠냐", "겠니", "라니까", "다니까"];

    // Plain final endings that only count at the end of a sentence (they double as connectives or noun endings).
    private static readonly string[] FinalSuffixes =
    [
        "더라", "구나", "는군", "렇군", "었군", "았군", "였군", "거야", "뭐야", "아니야", "이야", "겠지", "겠다", "겠네",
        "해라", "봐라", "가라", "하라", "어라", "아라", "거라", "을게", "을래", "을까", "을걸",
    ];

    // Plain finals that are also connectives ("처리된 상태인데 / 담당 부서에서"): only before a sentence mark.
    private static readonly string[] MarkedOnlySuffixes = ["는데", "던데", "인데", "라고", "다고", "냐고"];

    private static readonly string[] Auxiliaries =
    [
        "드리", "드릴", "드려", "드렸", "주세", "주시", "주실", "주셔", "줘요", "줄게요", "주겠", "보세", "보시", "보실", "봐요", "볼게요",
        "보겠", "봐야", "놓", "두", "버리", "보이", "보여", "요", "가지고", "있", "야", "서", "도", "드립", "않", "말", "못",
    ];

    // How the polite final endings of the mecab-ko-dic EF list end (-요, -ㅂ니다, -ㅂ니까, -시오, -죠), plus chat and
    // dialect spellings of -요 (하세여, 네용, 그래유). Tests check every plain suffix above is an EF ending too.
    private static readonly string[] PoliteEndings = ["요", "니다", "니까", "시오", "죠", "유", "여", "용", "쇼", "소서", "십시요"];

    /// <summary>The first plain-speech word of a counsellor's turn, or null.</summary>
    /// <param name="text">The turn.</param>
    /// <param name="nextCounsellorText">The counsellor's next turn when it follows closely (speech-to-text splits sentences).</param>
    public static CompactText.Word? FindPlain(CompactText text, CompactText? nextCounsellorText)
    {
        var words = text.Words;
        var unpunctuated = !text.Punctuated;
        for (var k = 0; k < words.Count; k++)
        {
            var word = words[k];
            var last = k == words.Count - 1;
            var next = last ? nextCounsellorText?.Words.FirstOrDefault().Text : words[k + 1].Text;
            if (next is not null && Auxiliaries.Any(a => next.StartsWith(a, StringComparison.Ordinal)))
            {
                continue;
            }

            if (word.EndsSentence ? IsPlainFinal(word.Text, word.Marked) : unpunctuated && IsStrongPlain(word.Text))
            {
                return word;
            }
        }

        return null;
    }

    /// <summary>True when the word, ending a sentence, is in plain speech.</summary>
    /// <param name="word">The word.</param>
    /// <param name="marked">Whether punctuation ends the sentence (not just the end of the turn).</param>
    public static bool IsPlainFinal(string word, bool marked = true)
    {
        var hangul = HangulTail(word);
        if (hangul.Length == 0 || IsPolite(hangul) || HasHonorific(hangul) || NounsEndingLikeVerbs.Contains(hangul) || IsYes(hangul))
        {
            return false;
        }

        if (PlainWords.Contains(hangul) || IsStrongPlain(hangul))
        {
            return true;
        }

        if (hangul.Length < 2)
        {
            return false;
        }

        foreach (var suffix in FinalSuffixes)
        {
            if (hangul.EndsWith(suffix, StringComparison.Ordinal) && hangul.Length > suffix.Length - (suffix is "뭐야" or "거야" ? 1 : 0))
            {
                return true;
            }
        }

        if (marked && MarkedOnlySuffixes.Any(s => hangul.EndsWith(s, StringComparison.Ordinal)))
        {
            return true;
        }

        var lastSyllable = hangul[^1];
        var before = hangul[^2];
        Hangul.TryDecompose(before, out _, out _, out var tailBefore);

        return lastSyllable switch
        {
            // 한다, 된다, 좋다, 같다, 맞다, 그렇다: plain declaratives (-ㅂ니다 is polite and never gets here).
            '다' => tailBefore != 0,

            // 할게, 할래, 할까: the ending's ㄹ sits on the stem.
            '게' or '래' or '까' => tailBefore == TailL,

            // 해체, the plain form of 해요체: 확인해, 안 돼, 봐, 줘, 내놔, 어려워, 가져, 닫쳐, 켜, 타.
            '해' or '돼' or '봐' or '줘' or '놔' or '워' or '져' or '쳐' or '켜' or '펴' or '혀' or '타' => true,

            // 기다려, 걸려, 알려, 틀려; 몰라, 빨라, 달라; 들어가, 가져가, 나가; 나와, 들어와, 가져와.
            '려' => tailBefore == TailL || before is '다' or '내',
            '라' => tailBefore == TailL,
            '가' => before is '져' or '어' or '아' or '러' or '라' or '나' or '와' or '려',
            '와' => before is '어' or '아' or '러' or '나' or '라' or '려' or '져',

            // 먹어, 찾아, 읽어, 좋아, 괜찮아; 그렇네, 좋네.
            '어' or '아' => tailBefore != 0,
            '네' => true,
            _ => false,
        };
    }

    /// <summary>Endings that are plain finals wherever they stand (used inside unpunctuated transcripts).</summary>
    public static bool IsStrongPlain(string word)
    {
        var hangul = HangulTail(word);
        if (hangul.Length < 2 || IsPolite(hangul) || HasHonorific(hangul))
        {
            return false;
        }

        if (hangul is "알았어" or "몰라" or "됐어" or "아니야" or "뭐야")
        {
            return true;
        }

        foreach (var suffix in StrongSuffixes)
        {
            if (hangul.EndsWith(suffix, StringComparison.Ordinal) && hangul.Length > suffix.Length - (suffix == "냐" ? 0 : 1))
            {
                return true;
            }
        }

        // 했어, 있어, 없어, 갔냐, 했니, 봤잖아: the past marker (or 있/없) followed by a plain ending.
        Hangul.TryDecompose(hangul[^2], out _, out _, out var tail);
        return tail is TailSsang or TailBs && hangul[^1] is '어' or '냐' or '니' or '지' or '네' or '다';
    }

    // 네, 네네, 예예: yes, the polite way.
    private static bool IsYes(string hangul) => hangul.All(c => c is '네' or '예');

    private static bool IsPolite(string hangul)
    {
        // -ㅂ니까/-습니까 is polite; -니까 after anything else is plain (그렇다니까, 하니까).
        if (hangul.EndsWith("니까", StringComparison.Ordinal))
        {
            return hangul.Length >= 3 && Hangul.TryDecompose(hangul[^3], out _, out _, out var tail) && tail == TailB;
        }

        return PoliteEndings.Any(e => hangul.EndsWith(e, StringComparison.Ordinal));
    }

    // -시- (하시, 하셨, 하세요, 그러시구나) marks respect for the listener: not 반말. A first syllable 시 is a stem (시끄러워).
    private static bool HasHonorific(string hangul) =>
        hangul.AsSpan(1).IndexOfAny("시셨셔십신실") >= 0;

    /// <summary>The trailing run of Hangul syllables (and keyboard jamo) of a word: "120입니다" gives "입니다".</summary>
    private static string HangulTail(string word)
    {
        var end = word.Length;
        var start = end;
        while (start > 0 && KoreanTokens.IsHangul(word[start - 1]))
        {
            start--;
        }

        return word[start..end];
    }
}
