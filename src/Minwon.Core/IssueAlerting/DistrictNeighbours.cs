namespace Minwon.Core.IssueAlerting;

/// <summary>
/// Which of Seoul's 25 districts border each other (land borders, and the districts facing each other across the Han
/// that a bridge joins), for the issue tracker: an incident reported in the next district while its issue is open is
/// that issue growing (issue 13, session 13). Districts outside this table (a detector given other districts) have no
/// neighbours. Checked against the shipped boundaries (data-seed/seoul_districts.geojson) by DistrictNeighboursTests:
/// every pair sharing a boundary edge is here, and every pair here touches (관악구-영등포구 and 동대문구-중구 at a point).
/// </summary>
internal static class DistrictNeighbours
{
    private static readonly (string A, string B)[] Borders =
    [
        ("종로구", "중구"), ("종로구", "서대문구"), ("종로구", "은평구"), ("종로구", "성북구"), ("종로구", "동대문구"),
        ("중구", "용산구"), ("중구", "성동구"), ("중구", "동대문구"), ("중구", "서대문구"), ("중구", "마포구"),
        ("용산구", "마포구"), ("용산구", "성동구"), ("용산구", "동작구"), ("용산구", "서초구"),
        ("용산구", "영등포구"), ("용산구", "강남구"),
        ("성동구", "동대문구"), ("성동구", "광진구"), ("성동구", "강남구"),
        ("광진구", "동대문구"), ("광진구", "중랑구"), ("광진구", "송파구"), ("광진구", "강동구"), ("광진구", "강남구"),
        ("동대문구", "중랑구"), ("동대문구", "성북구"),
        ("중랑구", "성북구"), ("중랑구", "노원구"),
        ("성북구", "강북구"), ("성북구", "노원구"),
        ("강북구", "도봉구"), ("강북구", "노원구"),
        ("도봉구", "노원구"),
        ("은평구", "서대문구"), ("은평구", "마포구"),
        ("서대문구", "마포구"),
        ("마포구", "영등포구"), ("마포구", "강서구"),
        ("양천구", "강서구"), ("양천구", "구로구"), ("양천구", "영등포구"),
        ("강서구", "영등포구"),
        ("구로구", "영등포구"), ("구로구", "금천구"), ("구로구", "관악구"),
        ("금천구", "관악구"),
        ("영등포구", "동작구"), ("영등포구", "관악구"),
        ("동작구", "관악구"), ("동작구", "서초구"),
        ("관악구", "서초구"),
        ("서초구", "강남구"),
        ("강남구", "송파구"),
        ("송파구", "강동구"),
    ];

    private static readonly Dictionary<string, HashSet<string>> ByDistrict = Build();

    /// <summary>Whether two districts are the same or share a border.</summary>
    public static bool SameOrNext(string a, string b) =>
        a == b || ByDistrict.TryGetValue(a, out var next) && next.Contains(b);

    /// <summary>The districts bordering <paramref name="district"/> (empty for a name outside Seoul's 25).</summary>
    public static IReadOnlyCollection<string> Of(string district) =>
        ByDistrict.TryGetValue(district, out var next) ? next : [];

    private static Dictionary<string, HashSet<string>> Build()
    {
        var map = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (a, b) in Borders)
        {
            (map.TryGetValue(a, out var x) ? x : map[a] = new(StringComparer.Ordinal)).Add(b);
            (map.TryGetValue(b, out var y) ? y : map[b] = new(StringComparer.Ordinal)).Add(a);
        }

        return map;
    }
}
