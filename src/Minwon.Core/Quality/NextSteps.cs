using System.Text.RegularExpressions;
using Minwon.Core.TextSafety;

namespace Minwon.Core.Quality;

/// <summary>
/// Concrete next steps and concrete answers that a phrase list cannot hold: telephone numbers (written, masked as
/// stored, or read out in a transcript), receipt numbers, named offices ("교통행정과로", "청소팀에"), and figures with
/// units ("3,000원", "오후 6시까지").
/// </summary>
internal static partial class NextSteps
{
    private static readonly string[] Particles =
    [
        "에서는", "에서도", "에서요", "으로는", "으로요", "에서", "으로", "로는", "로요", "에는", "에도", "에다", "에게", "한테", "이랑",
        "하고", "이고요", "이고", "입니다", "이에요", "예요", "인데요", "인데", "까지", "부터", "쪽으로", "쪽에", "쪽", "이요", "에요",
        "로", "에", "의", "은", "는", "이", "가", "을", "를", "랑", "도", "께", "요", "나", "만",
    ];

    private static readonly HashSet<string> NotOffices = new(StringComparer.Ordinal)
    {
        "결과", "효과", "사과", "통과", "초과", "경과", "부과", "성과", "교과", "외과", "내과", "치과", "안과", "과과", "재부과", "그결과",
        "이번결과", "조회결과", "처리결과", "콜센터", "다산콜센터", "상담센터", "고객센터",
    };

    private static readonly string[] OfficeEndings = ["과", "팀", "센터", "사업소", "사무소", "출장소", "본부", "재단", "지원단", "사업단", "위원회", "협회", "상담소"];

    /// <summary>True when the text names a phone number, a receipt number or a named office.</summary>
    public static bool HasConcrete(CompactText text)
    {
        var original = text.Original;
        if (PhoneNumber().IsMatch(original) || ServiceNumber().IsMatch(original) || ReceiptNumber().IsMatch(original))
        {
            return true;
        }

        if (HasSpokenNumber(original))
        {
            return true;
        }

        foreach (var word in text.Words)
        {
            if (IsOffice(word.Text))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the text gives a figure with a unit: an amount, a time, a date, a duration.</summary>
    public static bool HasFigure(string text) => Figure().IsMatch(text);

    public static bool IsOffice(string word)
    {
        var stem = StripParticle(word);
        if (stem.Length < 3 || NotOffices.Contains(stem) || stem.EndsWith("부과", StringComparison.Ordinal) || stem.Contains("다산", StringComparison.Ordinal)
            || stem.Contains("콜센터", StringComparison.Ordinal) || !stem.All(Korean.Hangul.IsSyllable))
        {
            return false;
        }

        return OfficeEndings.Any(e => stem.EndsWith(e, StringComparison.Ordinal) && stem.Length > e.Length + (e == "과" || e == "팀" ? 1 : 0));
    }

    private static string StripParticle(string word)
    {
        foreach (var particle in Particles)
        {
            if (word.Length > particle.Length + 1 && word.EndsWith(particle, StringComparison.Ordinal))
            {
                return word[..^particle.Length];
            }
        }

        return word;
    }

    private static bool HasSpokenNumber(string text)
    {
        if (text.Length < 9)
        {
            return false;
        }

        var spans = new List<PiiSpan>();
        SpokenDigits.Find(text, spans);
        return spans.Count > 0;
    }

    // 02-2133-1234, 02)2133-1234, 031 123 4567, 1588-1234, and the same masked as stored (02-****-****).
    [GeneratedRegex(@"(?<![\d*])(?:0[\d*]{1,2}|1[\d*]{3})[\s).-]?[\d*]{3,4}[\s.-]?[\d*]{4}(?![\d*])")]
    private static partial Regex PhoneNumber();

    // Short public numbers: 110 정부민원, 112, 119, 129, 131, 182, 1330, 1345, 1366, 1388, 15xx/16xx-xxxx.
    [GeneratedRegex(@"(?<!\d)(?:110|112|119|129|131|132|182|1330|1345|1350|1366|1388|1[56]\d\d-?\d{4})(?![\d년])")]
    private static partial Regex ServiceNumber();

    // Receipt numbers as Minwon writes them (2026-1128-000123) or any long dashed number.
    [GeneratedRegex(@"(?<!\d)\d{4}-\d{4}-\d{4,8}(?!\d)")]
    private static partial Regex ReceiptNumber();

    // 3,000원, 오후 6시, 4일; 이백 원, 삼 개월; 여섯 시, 두 장; 사흘, 열흘.
    [GeneratedRegex(@"\d[\d,]*\s*(?:원|시|분|초|일|개월|주|년|세|%|퍼센트|km|킬로|미터|층|번\s?출구|호선|번\s?버스|영업일|부|장|명)"
        + @"|(?<![가-힣])[일이삼사오육칠팔구십백천만]+\s?(?:원|분|개월|년|퍼센트)(?![가-힣])"
        + @"|(?<![가-힣])(?:한|두|세|네|다섯|여섯|일곱|여덟|아홉|열|열한|열두)\s?(?:시|시간|달|장|개|번째|명)(?![가-힣])"
        + @"|(?<![가-힣])(?:하루|이틀|사흘|나흘|닷새|열흘|보름)")]
    private static partial Regex Figure();
}
