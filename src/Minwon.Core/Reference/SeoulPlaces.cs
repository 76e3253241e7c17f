using Minwon.Core.Platform;

namespace Minwon.Core.Reference;

/// <summary>
/// Seoul's 25 districts (data-seed/seoul_districts.csv) and their neighbourhoods (data-seed/seoul_dongs.csv): the one
/// reader of places for the assistant, the bot, the issue detector and the traffic generator. A neighbourhood name
/// shared by several districts (신사동, 삼성동) names no district by itself.
/// </summary>
public sealed class SeoulPlaces
{
    public static readonly SeoulPlaces Instance = new();

    // Approximate residents in 10,000s (2024 resident registration) and a few neighbourhoods as citizens name them, so
    // generated contacts come from busy districts more often. Kept apart from the CSV so the generated traffic, and
    // the detector's quality gates measured on it, stay the same.
    private static readonly Dictionary<string, (int Population, string[] Dongs)> TrafficProfile = new()
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

    private readonly Dictionary<string, string> districtByShortName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> districtByAnyName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string?> districtByDong = new(StringComparer.Ordinal);
    private readonly List<string> districts = [];

    private SeoulPlaces()
    {
        foreach (var line in EmbeddedData.ReadLines("seoul_districts.csv").Skip(1))
        {
            var parts = line.Split(',');
            if (parts.Length < 3)
            {
                continue;
            }

            var name = parts[1].Trim();
            var english = parts[2].Trim();
            districts.Add(name);
            Codes[name] = parts[0].Trim();
            districtByShortName[name] = name;
            districtByAnyName[name] = name;
            districtByAnyName[english] = name;
            districtByAnyName.TryAdd(english.Replace("-gu", "", StringComparison.OrdinalIgnoreCase), name);
            // 중구 shortened to 중 would match everywhere; only names of two syllables or more are used bare.
            if (name.Length > 2)
            {
                districtByShortName[name[..^1]] = name;
                districtByAnyName.TryAdd(name[..^1], name);
            }
        }

        foreach (var line in EmbeddedData.ReadLines("seoul_dongs.csv").Skip(1))
        {
            var parts = line.Split(',', 2);
            if (parts.Length < 2)
            {
                continue;
            }

            foreach (var dong in parts[1].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                districtByDong[dong] = districtByDong.TryGetValue(dong, out var existing) && existing != parts[0] ? null : parts[0];
            }
        }
    }

    /// <summary>The 25 district names (마포구), in the file's order.</summary>
    public IReadOnlyList<string> Districts => districts;

    /// <summary>District name (마포구) → 시군구 code (11440).</summary>
    public Dictionary<string, string> Codes { get; } = new(StringComparer.Ordinal);

    public IEnumerable<string> ShortDistrictNames => districtByShortName.Keys;

    public string? DistrictOf(string shortOrFullName) => districtByShortName.GetValueOrDefault(shortOrFullName);

    /// <summary>
    /// Accepts "마포구", "마포", "Mapo-gu", "mapo" or "서울시 마포구" for 마포구 and returns null for anything else, so an
    /// unknown or misspelt district never becomes a district of its own.
    /// </summary>
    public string? Resolve(string? name) =>
        name is null ? null : districtByAnyName.GetValueOrDefault(name.Trim().Replace("서울특별시 ", "").Replace("서울시 ", ""));

    /// <summary>The district of a neighbourhood, or null when unknown or ambiguous.</summary>
    public string? DistrictOfDong(string dong) => districtByDong.GetValueOrDefault(NormalizeDong(dong));

    public bool IsKnownDong(string dong) => districtByDong.ContainsKey(NormalizeDong(dong));

    /// <summary>Residents in 10,000s, for weighting generated traffic.</summary>
    public static int Population(string district) => TrafficProfile.TryGetValue(district, out var row) ? row.Population : 35;

    /// <summary>A neighbourhood of the district as citizens name it, for generated traffic.</summary>
    public static string SampleDong(string district, Random random) =>
        TrafficProfile.TryGetValue(district, out var row) ? row.Dongs[random.Next(row.Dongs.Length)] : district;

    // 망원1동 and 망원 2동 are the same neighbourhood for our purpose.
    private static string NormalizeDong(string dong) =>
        new string(dong.Where(c => !char.IsDigit(c) && !char.IsWhiteSpace(c)).ToArray()) is { Length: > 1 } s && s.EndsWith('동') ? s : dong;
}
