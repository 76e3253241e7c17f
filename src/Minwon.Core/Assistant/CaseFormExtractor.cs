using System.Globalization;
using System.Text.RegularExpressions;
using Minwon.Core.Reference;

namespace Minwon.Core.Assistant;

/// <summary>What the assistant could read off a conversation to prefill the case form.</summary>
public sealed record CaseFormSuggestion(string? District, string? Dong, string? Address, IReadOnlyList<DateOnly> Dates,
    IReadOnlyList<string> VehiclePlates);

/// <summary>
/// Reads place, address, dates and vehicle plates from citizens' messages so the counsellor does not retype them.
/// Pattern-based and conservative: a wrong prefill costs the counsellor more than an empty field.
/// </summary>
public static partial class CaseFormExtractor
{
    public static CaseFormSuggestion Extract(string text, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(text);
        var places = SeoulPlaces.Instance;
        string? district = null;
        foreach (Match m in DistrictPattern().Matches(text))
        {
            district ??= places.DistrictOf(m.Groups["name"].Value + "구");
        }

        district ??= places.ShortDistrictNames
            .Where(n => n.Length >= 2 && text.Contains(n + " ", StringComparison.Ordinal) && places.DistrictOf(n) is not null && !n.EndsWith('구'))
            .Select(places.DistrictOf).FirstOrDefault();

        string? dong = null;
        foreach (Match m in DongPattern().Matches(text))
        {
            var candidate = m.Value;
            if (places.IsKnownDong(candidate))
            {
                dong = candidate;
                district ??= places.DistrictOfDong(candidate);
                break;
            }
        }

        var address = RoadAddressPattern().Match(text) is { Success: true } road ? road.Value.Trim() : null;
        var plates = PlatePattern().Matches(text).Select(m => m.Value.Replace(" ", "", StringComparison.Ordinal)).Distinct().ToList();
        return new CaseFormSuggestion(district, dong, address, Dates(text, today), plates);
    }

    private static List<DateOnly> Dates(string text, DateOnly today)
    {
        var dates = new List<DateOnly>();
        foreach (Match m in IsoDatePattern().Matches(text))
        {
            if (DateOnly.TryParseExact(m.Value.Replace('.', '-').Replace('/', '-'), "yyyy-M-d", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                dates.Add(d);
            }
        }

        foreach (Match m in KoreanDatePattern().Matches(text))
        {
            var month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
            var day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
            if (month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(today.Year, month))
            {
                dates.Add(new DateOnly(today.Year, month, day));
            }
        }

        (string Word, int Days)[] relative = [("그저께", -2), ("그제", -2), ("어제", -1), ("오늘", 0), ("내일", 1), ("모레", 2)];
        foreach (var (word, days) in relative)
        {
            if (text.Contains(word, StringComparison.Ordinal))
            {
                dates.Add(today.AddDays(days));
            }
        }

        return dates.Distinct().ToList();
    }

    [GeneratedRegex(@"(?<name>[가-힣]{1,3})구(?![가-힣]{0,1}(?:청장|역))", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex DistrictPattern();

    [GeneratedRegex(@"[가-힣]{1,4}\d?\s?동(?=[^가-힣]|$|[에의은는이가을를도서쪽근])", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex DongPattern();

    [GeneratedRegex(@"[가-힣0-9]{1,10}(?:로|길)\s?\d{1,4}(?:-\d{1,4})?(?:번길\s?\d{1,4})?", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex RoadAddressPattern();

    [GeneratedRegex(@"(?<![0-9])(?:[가-힣]{2}\s?)?\d{2,3}\s?[가-힣]\s?\d{4}(?![0-9])", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex PlatePattern();

    [GeneratedRegex(@"20\d{2}[-./]\d{1,2}[-./]\d{1,2}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex IsoDatePattern();

    [GeneratedRegex(@"(?<m>\d{1,2})\s?월\s?(?<d>\d{1,2})\s?일", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex KoreanDatePattern();
}
