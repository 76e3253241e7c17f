namespace Minwon.Core.TextSafety;

/// <summary>
/// Words near a number that tell what it is. Bank accounts and short local phone numbers have no shape of their
/// own, so they are masked only when the line talks about them.
/// </summary>
internal static class PiiContext
{
    /// <summary>
    /// Syllables that, right after a number, make it a count, an amount, a time or a date (3개, 5천원, 10분, 2024년):
    /// the one list the finders share, each adding the few its own place needs.
    /// </summary>
    internal const string CounterSyllables = "원만억개명번시분년월살세층호가곳건회차배장권박주쪽등위점평도줄칸";

    private const int Before = 24;
    private const int After = 12;

    private static readonly string[] AccountWords =
    [
        "계좌", "입금", "송금", "이체", "환불", "환급", "예금주", "통장", "은행", "뱅크", "국민", "신한", "우리", "하나",
        "농협", "기업", "카카오", "토스", "새마을", "우체국", "수협", "신협", "제일", "씨티", "시티", "부산", "대구", "경남",
        "광주", "전북", "제주", "케이", "산업", "저축", "증권", "account", "bank",
    ];

    private static readonly string[] PhoneWords = ["전화", "연락처", "연락", "핸드폰", "휴대폰", "휴대전화", "폰번호", "집번호", "내선", "tel", "Tel", "TEL"];

    private static readonly string[] LicenseWords = ["면허"];

    // 13 digits in one block next to these are barcodes (EAN-13, 880... in Korea) or order numbers, not people.
    private static readonly string[] CodeWords = ["바코드", "코드", "주문번호", "송장", "상품번호", "제품번호", "일련번호"];

    private static readonly string[] CardWords = ["카드", "결제", "card"];

    // The words that name a half of a registration number; the half may be said before them ("… 가 앞자리고").
    private static readonly string[] RrnHalfWords = ["앞자리", "뒷자리", "앞번호", "뒷번호"];

    private static readonly string[] RrnWords = ["주민", "등록번호", .. RrnHalfWords];

    // Labels of numbers that are not accounts ("주문번호", "예약 번호"): each label once, matched with and without the space
    // before 번호. (송장 covers 운송장: the words are matched as parts of the text.)
    private static readonly string[] NotAccountLabels = ["접수", "신청", "민원", "주문", "고객", "납부", "예약", "승인", "거래", "회원"];

    private static readonly string[] NotAccountWords =
    [
        "사업자", "송장", "전자납부",
        .. NotAccountLabels.Select(label => label + "번호"),
        .. NotAccountLabels.Select(label => label + " 번호"),
    ];

    public static bool NearAccountWord(string text, int start, int end) =>
        Near(text, start, end, AccountWords) && !Near(text, start, end, NotAccountWords, after: 0);

    public static bool NearPhoneWord(string text, int start, int end) => Near(text, start, end, PhoneWords);

    public static bool NearCodeWord(string text, int start, int end) => Near(text, start, end, CodeWords);

    public static bool NearCardWord(string text, int start, int end) => Near(text, start, end, CardWords);

    public static bool NearRrnWord(string text, int start, int end) => Near(text, start, end, RrnWords, after: 0);

    /// <summary>A half of a registration number: a word for one before it, or a word naming the half just after it
    /// ("공오 공칠 일구 가 앞자리고").</summary>
    public static bool NearRrnHalfWord(string text, int start, int end) =>
        NearRrnWord(text, start, end) || Near(text, start, end, RrnHalfWords, after: 8);

    public static bool NearLicenseWord(string text, int start, int end) => Near(text, start, end, LicenseWords);

    private static bool Near(string text, int start, int end, string[] words, int after = After)
    {
        var from = Math.Max(0, start - Before);
        var before = text.AsSpan(from, start - from);
        var behind = text.AsSpan(end, Math.Min(after, text.Length - end));
        foreach (var word in words)
        {
            if (before.Contains(word, StringComparison.Ordinal) || behind.Contains(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
