using Minwon.Core.Korean;

namespace Minwon.Core.Knowledge;

/// <summary>
/// The bigrams of how citizens ask rather than what they ask about (어디서, 어떻게, ~나요, ~는데요, 알려주세요).
/// They match half the question examples in the base, so a query drops them before scoring; articles keep them.
/// </summary>
public static class QueryNoise
{
    private static readonly HashSet<string> Bigrams = new(StringComparer.Ordinal)
    {
        "어디", "디서", "디에", "디로", "어떻", "떻게", "어케", "어캐", "어떡", "떡해", "어찌", "찌해", "케해", "캐해", "해요", "하나", "나요", "하는",
        "는데", "데요", "은데", "인데", "는지", "인지", "한지", "인가", "가요", "되나", "되요", "돼요", "되는", "궁금", "금해", "금합",
        "알려", "려주", "주세", "세요", "세여", "싶어", "싶은", "싶다", "어요", "있나", "있어", "있는", "없나", "없어", "수있", "할수", "하면", "면되", "면돼",
        "지요", "뭐예", "뭐에", "뭐임", "머임", "뭔가", "뭐야", "뭐죠", "뭐가", "뭐여", "이요", "에요", "예요", "이에", "입니", "니다", "니까", "습니", "합니",
        "나여", "는거", "거임", "건가", "한가", "한데", "해야", "야하", "야돼", "야되", "하죠", "거죠", "되죠", "까요", "할까", "을까", "는건", "건지", "거예",
        "좀", "요", "해주", "줘요", "주나", "하고", "고싶", "했는", "했어", "었는", "았는", "ㅠㅠ", "ㅜㅜ", "ㅋㅋ", "ㅎㅎ", "문의", "의드", "드려", "려요",
        "안녕", "녕하", "하세", "혹시", "시요", "이거", "거어", "저기", "기요", "그냥", "제가", "저희", "우리", "어요", "하려", "려면", "려는", "하기",
        // Dialect and spoken endings (issue 13, session 6): ~는가, ~는디 (folded to 는데), ~거여, ~이여, ~는감.
        "는가", "거여", "이여", "는감", "는겨", "말해", "해줘",
    };

    private static readonly HashSet<string> Stems = new(StringComparer.Ordinal)
    {
        "어디", "어디서", "어떻게", "어케", "어캐", "어떡", "어떡해", "어떻", "어찌", "뭐", "뭐예", "머임", "뭐임", "뭔가", "좀", "혹시", "저기", "그냥", "제가",
        "궁금", "알려", "알려주", "문의", "문의드", "안녕", "안녕하", "있나", "있", "없", "되", "하", "해", "돼", "수", "할", "거", "것", "건",
    };

    public static bool IsNoiseBigram(string term) => Bigrams.Contains(term);

    public static bool IsNoiseStem(string term) => term.Length == 0 || Stems.Contains(term);

    /// <summary>True when a query is nothing but filler; then nothing is dropped, so 어디요 still finds something.</summary>
    public static bool AllNoise(IEnumerable<KoreanToken> bigrams) => bigrams.All(t => Bigrams.Contains(t.Term));
}
