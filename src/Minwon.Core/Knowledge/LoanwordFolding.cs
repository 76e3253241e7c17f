using System.Collections.Frozen;

namespace Minwon.Core.Knowledge;

/// <summary>
/// English words citizens use, in Hangul or Latin letters, for the everyday things city services deal with (파킹,
/// 디파짓, 부킹, 택스, 렌트비, 쿨링 센터, parking): replaced by the Korean word notices and articles use (주차, 보증금, 예약,
/// 세금, 월세, 무더위쉼터), so 파킹한 차 리포트 is searched as 주차한 차 신고 (issue 13, session 11: young and foreign
/// callers). A general lexicon of city-service vocabulary, not of any base's articles; query side only.
/// A Hangul key of two syllables is replaced only at the start of a word or right after another loanword (파킹한,
/// 원데이패스), a longer one anywhere in a word (동네쿨링센터); Latin words only whole. Keys that open common native words (잡 in 잡아서, 콜 in 콜택시, 체크 in
/// 체크카드, 빌 in 빌라) are left out on purpose.
/// </summary>
public static class LoanwordFolding
{
    private static readonly (string Loan, string Korean)[] Hangul =
    [
        // Parking, transport
        ("파킹", "주차"), ("리포트", "신고"), ("리포팅", "신고"), ("바이크", "자전거"), ("바이시클", "자전거"),
        ("셰어링", "대여"), ("쉐어링", "대여"), ("렌트비", "월세"), ("렌트", "대여"), ("렌탈", "대여"), ("먼슬리", "월"),
        ("언리미티드", "무제한"), ("원데이", "1일"), ("패스포트", "여권"), ("패스", "이용권"), ("디스카운트", "할인"),
        ("디씨", "할인"), ("서브웨이", "지하철"), ("메트로", "지하철"), ("스테이션", "역"), ("스탑", "정류장"),
        ("스톱", "정류장"), ("로스트", "분실"), ("리펀드", "환불"), ("리펀", "환불"), ("페널티", "과태료"), ("포토", "사진"),
        ("라이선스", "면허"), ("라이센스", "면허"),
        // Bills, taxes, housing, money
        ("워터빌", "수도요금"), ("택스", "세금"), ("파일링", "신고"), ("클로징", "잔금"), ("디파짓", "보증금"),
        ("랜드로드", "집주인"), ("오토페이", "자동이체"), ("페이먼트", "납부"), ("커스터머", "고객"),
        ("서티피케이트", "증명서"), ("서티피킷", "증명서"), ("패밀리", "가족"), ("릴레이션", "관계"), ("어드레스", "주소"),
        ("무브인", "전입"), ("페이체크", "월급"), ("샐러리", "월급"), ("웨이지", "임금"), ("스몰비즈니스", "소상공인"),
        // Waste, water, roads, safety
        ("가비지", "쓰레기"), ("트래시", "쓰레기"), ("리사이클링", "재활용"), ("리사이클", "재활용"), ("픽업", "수거"),
        ("카우치", "소파"), ("리크", "누수"), ("파이프", "배관"), ("스트리트라이트", "가로등"), ("팟홀", "포트홀"),
        ("씽크홀", "싱크홀"), ("스노우", "눈"), ("노이즈", "소음"), ("업스테어", "위층"), ("히트웨이브", "폭염"),
        ("쿨링센터", "무더위쉼터"), ("쿨링", "무더위"), ("셸터", "쉼터"), ("쉘터", "쉼터"), ("이머전시", "긴급"),
        // Welfare, health, culture, animals
        ("서포트", "지원"), ("시니어", "어르신"), ("파트타임", "일자리"), ("유스", "청년"), ("베이비", "아기"),
        ("프레그넌트", "임신"), ("호스피털", "병원"), ("클리닉", "병원"), ("닥터", "의사"), ("백신", "예방접종"),
        ("플루", "독감"), ("라이브러리", "도서관"), ("뮤지엄", "박물관"), ("갤러리", "미술관"), ("부킹", "예약"),
        ("리저베이션", "예약"), ("캔슬", "취소"), ("인터프리터", "통역"), ("트랜슬레이터", "통역"), ("포리너", "외국인"),
        ("헬프", "도움"), ("스트레이", "길"), ("도그", "개"), ("캣", "고양이"), ("펫", "반려동물"), ("어플", "앱"),
    ];

    private static readonly Dictionary<string, string> Latin = new(StringComparer.Ordinal)
    {
        ["parking"] = "주차", ["park"] = "주차", ["ticket"] = "과태료", ["fine"] = "과태료", ["tax"] = "세금", ["bill"] = "요금",
        ["refund"] = "환불", ["report"] = "신고", ["passport"] = "여권", ["lost"] = "분실", ["noise"] = "소음", ["water"] = "수도",
        ["trash"] = "쓰레기", ["garbage"] = "쓰레기", ["recycling"] = "재활용", ["deposit"] = "보증금", ["rent"] = "월세",
        ["landlord"] = "집주인", ["booking"] = "예약", ["reservation"] = "예약", ["cancel"] = "취소", ["bike"] = "자전거",
        ["subway"] = "지하철", ["bus"] = "버스", ["taxi"] = "택시", ["library"] = "도서관", ["museum"] = "박물관",
        ["vaccine"] = "예방접종", ["hospital"] = "병원", ["pharmacy"] = "약국", ["salary"] = "월급", ["wage"] = "임금",
        ["interpreter"] = "통역", ["foreigner"] = "외국인", ["license"] = "면허", ["help"] = "도움",
    };

    // By first syllable, so a position is compared with the few keys that start with its syllable and not with all of
    // them (a 512-character question has 512 positions); longest first within, so 렌트비 wins over 렌트 and 패스포트 over 패스.
    private static readonly FrozenDictionary<char, (string Loan, string Korean)[]> ByFirstSyllable = Hangul
        .OrderByDescending(p => p.Loan.Length)
        .GroupBy(p => p.Loan[0])
        .ToFrozenDictionary(g => g.Key, g => g.ToArray());

    /// <summary>The query with each loanword replaced by its Korean word; a query without one is returned as it is.</summary>
    public static string Fold(string query)
    {
        if (query.Length < 2)
        {
            return query;
        }

        var words = query.Split(' ');
        var changed = false;
        for (var w = 0; w < words.Length; w++)
        {
            var folded = FoldWord(words[w]);
            if (!ReferenceEquals(folded, words[w]))
            {
                words[w] = folded;
                changed = true;
            }
        }

        return changed ? string.Join(' ', words) : query;
    }

    private static string FoldWord(string word)
    {
        if (word.Length == 0)
        {
            return word;
        }

        if (word[0] is >= 'a' and <= 'z')
        {
            return Latin.TryGetValue(word, out var korean) ? korean : word;
        }

        System.Text.StringBuilder? result = null;
        var i = 0;
        var afterLoan = 0;
        while (i < word.Length)
        {
            var match = Match(word, i, startOfWord: i == afterLoan);
            if (match is { } m)
            {
                result ??= new System.Text.StringBuilder(word, 0, i, word.Length + 4);
                result.Append(m.Korean);
                i += m.Loan.Length;
                afterLoan = i;
            }
            else
            {
                result?.Append(word[i]);
                i++;
            }
        }

        return result?.ToString() ?? word;
    }

    private static (string Loan, string Korean)? Match(string word, int at, bool startOfWord)
    {
        if (!ByFirstSyllable.TryGetValue(word[at], out var pairs))
        {
            return null;
        }

        foreach (var pair in pairs)
        {
            if ((startOfWord || pair.Loan.Length >= 3) && at + pair.Loan.Length <= word.Length
                && string.CompareOrdinal(word, at, pair.Loan, 0, pair.Loan.Length) == 0)
            {
                return pair;
            }
        }

        return null;
    }
}
