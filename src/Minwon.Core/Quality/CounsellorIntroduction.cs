using System.Text.RegularExpressions;

namespace Minwon.Core.Quality;

/// <summary>
/// Whether a counsellor said their name: "상담사 김민지입니다", "김민지 상담사입니다", "저는 김민지입니다",
/// "다산콜센터 김민지입니다", or a masked name ("상담사 ○○○입니다", "상담사 ***입니다"). A bare name must look like a
/// Korean personal name (two to four syllables starting with a common surname) unless a title stands next to it.
/// </summary>
internal static partial class CounsellorIntroduction
{
    private const string Surnames = "김이박최정강조윤장임한오서신권황안송류유전홍고문양손배백허남심노하곽성차주우구민진나지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예경봉사부";
    private const string Copula = @"(?:입니다|이에요|예요|이고요|고요|이구요|구요|라고\s*합니다|이라고\s*합니다|랍니다|이랍니다|입니당|임니다|이었습니다|였습니다|이였습니다|이었어요|였어요)";
    private const string Masked = @"[○◯●〇*＊xXㅇOo□△◎●]{2,4}";

    private static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "상담", "민원", "안내", "담당", "전문", "친절", "행복", "고객", "서울", "다산", "센터", "시청", "구청", "여기", "저희", "지금",
        "오늘", "감사", "안녕", "상담사", "상담원", "콜센터", "일이공", "주민센터", "민원실", "문의", "전화", "연결", "희망", "사랑",
    };

    /// <summary>The character index of the name in <paramref name="text"/>, or -1.</summary>
    public static int Find(string text)
    {
        foreach (var regex in (Regex[])[TitleThenName(), NameThenTitle(), IAm(), InstitutionThenName()])
        {
            foreach (Match m in regex.Matches(text))
            {
                var name = m.Groups["name"];
                if (LooksLikeName(name.Value, titled: regex != InstitutionThenName() && regex != IAm()))
                {
                    return name.Index;
                }
            }
        }

        return -1;
    }

    private static bool LooksLikeName(string candidate, bool titled)
    {
        var compact = candidate.Replace(" ", "", StringComparison.Ordinal);
        if (MaskedName().IsMatch(compact))
        {
            return true;
        }

        if (compact.Length is < 2 or > 4 || NotNames.Contains(compact) || compact.Any(c => !Korean.Hangul.IsSyllable(c)))
        {
            return false;
        }

        return titled || Surnames.Contains(compact[0], StringComparison.Ordinal);
    }

    [GeneratedRegex(@"(?:상담사|상담원|상담 ?직원|매니저|주무관|담당자)\s*(?<name>" + Masked + @"|[가-힣]{1,4}?(?:\s[가-힣]{1,3}?){0,2})\s*" + Copula)]
    private static partial Regex TitleThenName();

    [GeneratedRegex(@"(?<![가-힣])(?<name>" + Masked + @"|[가-힣]{2,4})\s*(?:상담사|상담원|매니저|주무관)(?:\s*" + Copula + ")")]
    private static partial Regex NameThenTitle();

    [GeneratedRegex(@"(?:저는|제 ?이름은)\s*(?<name>" + Masked + @"|[가-힣]{2,4}?)\s*" + Copula)]
    private static partial Regex IAm();

    [GeneratedRegex(@"(?:센터|120|민원실|구청|시청|상담실|다산콜|서울시)\s*(?<name>" + Masked + @"|[가-힣]{2,4}?)\s*" + Copula)]
    private static partial Regex InstitutionThenName();

    [GeneratedRegex("^" + Masked + "$")]
    private static partial Regex MaskedName();
}
