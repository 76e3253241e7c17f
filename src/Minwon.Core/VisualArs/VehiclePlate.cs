using System.Text.RegularExpressions;

namespace Minwon.Core.VisualArs;

/// <summary>Korean vehicle plates: 12가3456, 123가4567, and the older regional form 서울12가3456; spaces are dropped.</summary>
public static partial class VehiclePlate
{
    public static bool TryNormalize(string raw, out string normalized)
    {
        var compact = Regex.Replace(raw, @"[\s-]", "");
        var ok = Plate().IsMatch(compact);
        normalized = ok ? compact : raw;
        return ok;
    }

    [GeneratedRegex(@"^(?:(?:서울|부산|대구|인천|광주|대전|울산|세종|경기|강원|충북|충남|전북|전남|경북|경남|제주)\d{1,2}|\d{2,3})[가-힣]\d{4}$")]
    private static partial Regex Plate();
}
