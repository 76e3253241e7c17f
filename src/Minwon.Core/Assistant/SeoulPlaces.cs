using Minwon.Core.Platform;

namespace Minwon.Core.Assistant;

/// <summary>
/// Seoul's 25 districts and their well-known neighbourhoods (data-seed/seoul_dongs.csv), for finding where a
/// complaint is. A neighbourhood name shared by several districts (신사동, 삼성동) names no district by itself.
/// </summary>
public sealed class SeoulPlaces
{
    public static readonly SeoulPlaces Instance = new();

    private readonly Dictionary<string, string> districtByShortName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> districtByDong = new(StringComparer.Ordinal);

    private SeoulPlaces()
    {
        foreach (var line in EmbeddedData.ReadLines("seoul_districts.csv").Skip(1))
        {
            var parts = line.Split(',');
            if (parts.Length < 2)
            {
                continue;
            }

            var name = parts[1].Trim();
            Codes[name] = parts[0].Trim();
            districtByShortName[name] = name;
            // 중구 shortened to 중 would match everywhere; only names of two syllables or more are used bare.
            if (name.Length > 2)
            {
                districtByShortName[name[..^1]] = name;
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

    /// <summary>District name (마포구) → 시군구 code (11440).</summary>
    public Dictionary<string, string> Codes { get; } = new(StringComparer.Ordinal);

    public IEnumerable<string> ShortDistrictNames => districtByShortName.Keys;

    public string? DistrictOf(string shortOrFullName) => districtByShortName.GetValueOrDefault(shortOrFullName);

    /// <summary>The district of a neighbourhood, or null when unknown or ambiguous.</summary>
    public string? DistrictOfDong(string dong) => districtByDong.GetValueOrDefault(NormalizeDong(dong));

    public bool IsKnownDong(string dong) => districtByDong.ContainsKey(NormalizeDong(dong));

    // 망원1동 and 망원 2동 are the same neighbourhood for our purpose.
    private static string NormalizeDong(string dong) =>
        new string(dong.Where(c => !char.IsDigit(c) && !char.IsWhiteSpace(c)).ToArray()) is { Length: > 1 } s && s.EndsWith('동') ? s : dong;
}
