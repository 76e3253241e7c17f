namespace Minwon.Core.Quality;

/// <summary>
/// The quality bar of issue 14, checked by the CI test and by `minwon qa eval --gate` on both labelled sets: each
/// area lowered for most of its defects and rarely without one, and few consultations losing points in an area
/// without a defect. docs/quality.md gives the figures these floors sit under.
/// </summary>
public static class QualityScoringFloors
{
    public const double AreaRecall = 0.80;
    public const double AreaPrecision = 0.90;
    public const double CollateralRate = 0.05;
    public const double CleanLowered = 0.05;

    public static IEnumerable<string> Check(QualityEvalReport report)
    {
        foreach (var area in QualityAreas.All)
        {
            if (report.Defective(area) > 0 && report.Recall(area) < AreaRecall)
            {
                yield return $"{area.WireName()} recall {report.Recall(area):P1} is below {AreaRecall:P0}";
            }

            if (report.Precision(area) < AreaPrecision)
            {
                yield return $"{area.WireName()} precision {report.Precision(area):P1} is below {AreaPrecision:P0}";
            }
        }

        if (report.CollateralRate > CollateralRate)
        {
            yield return $"collateral in {report.CollateralRate:P1} of consultations, above {CollateralRate:P0}";
        }

        if (report.CleanLoweredRate > CleanLowered)
        {
            yield return $"{report.CleanLoweredRate:P1} of clean consultations lowered, above {CleanLowered:P0}";
        }

        if (report.Unreadable > 0)
        {
            yield return $"{report.Unreadable} unreadable line(s)";
        }
    }
}
