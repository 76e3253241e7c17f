namespace Minwon.Core.IssueAlerting;

/// <summary>
/// A few neighbourhoods (동) and an approximate population (in 10,000s, 2024 resident registration) per district, so
/// generated contacts name places the way citizens do and busy districts call more.
/// </summary>
internal static class SeoulGazetteer
{
    private static readonly Dictionary<string, (int Population, string[] Dongs)> Data = new()
    {
        ["종로구"] = (14, ["혜화동", "평창동", "삼청동", "사직동"]),
        ["중구"] = (12, ["명동", "신당동", "을지로동", "회현동"]),
        ["용산구"] = (21, ["이태원동", "한남동", "후암동", "용산동"]),
        ["성동구"] = (28, ["성수동", "왕십리동", "금호동", "옥수동"]),
        ["광진구"] = (34, ["자양동", "구의동", "화양동", "중곡동"]),
        ["동대문구"] = (34, ["회기동", "청량리동", "장안동", "전농동"]),
        ["중랑구"] = (38, ["면목동", "상봉동", "묵동", "신내동"]),
        ["성북구"] = (43, ["정릉동", "길음동", "돈암동", "석관동"]),
        ["강북구"] = (29, ["미아동", "수유동", "번동", "우이동"]),
        ["도봉구"] = (30, ["쌍문동", "방학동", "창동", "도봉동"]),
        ["노원구"] = (49, ["상계동", "중계동", "하계동", "공릉동"]),
        ["은평구"] = (46, ["불광동", "응암동", "녹번동", "진관동"]),
        ["서대문구"] = (31, ["연희동", "홍제동", "신촌동", "북가좌동"]),
        ["마포구"] = (36, ["망원동", "합정동", "연남동", "상암동"]),
        ["양천구"] = (43, ["목동", "신정동", "신월동"]),
        ["강서구"] = (56, ["화곡동", "등촌동", "가양동", "발산동"]),
        ["구로구"] = (40, ["구로동", "신도림동", "개봉동", "오류동"]),
        ["금천구"] = (23, ["가산동", "독산동", "시흥동"]),
        ["영등포구"] = (37, ["여의도동", "당산동", "문래동", "대림동"]),
        ["동작구"] = (38, ["노량진동", "사당동", "상도동", "흑석동"]),
        ["관악구"] = (49, ["신림동", "봉천동", "남현동"]),
        ["서초구"] = (41, ["반포동", "서초동", "방배동", "양재동"]),
        ["강남구"] = (55, ["역삼동", "삼성동", "대치동", "압구정동"]),
        ["송파구"] = (65, ["잠실동", "가락동", "문정동", "방이동"]),
        ["강동구"] = (46, ["천호동", "길동", "명일동", "암사동"]),
    };

    public static int Population(string district) => Data.TryGetValue(district, out var row) ? row.Population : 35;

    public static string Dong(string district, Random random) =>
        Data.TryGetValue(district, out var row) ? row.Dongs[random.Next(row.Dongs.Length)] : district;
}
