namespace Minwon.Core.Quality;

/// <summary>
/// How well the scorer separates defective from clean consultations on a labelled set. An area is "lowered" when it
/// scores under 100. Per area: precision and recall of "lowered" against "has a defect in this area". Collateral:
/// lowering an area that has no defect, counted over every consultation and as points lost. Agreement per area: the
/// share of consultations where "lowered" equals "has a defect". Exact: consultations whose lowered areas are exactly
/// their defect areas (the outside check: the one faulty area loses points, no other does). False findings: failed
/// checklist items in areas without a defect.
/// </summary>
public sealed class QualityEvalReport
{
    private readonly Dictionary<QualityArea, (int Tp, int Fp, int Fn)> counts = QualityAreas.All.ToDictionary(a => a, _ => (0, 0, 0));

    public int Consultations { get; private set; }

    /// <summary>Consultations whose lowered areas are exactly their defect areas.</summary>
    public int Exact { get; private set; }

    /// <summary>Failed checklist items in areas without a defect, over all consultations.</summary>
    public int FalseFindings { get; private set; }

    public int Clean { get; private set; }

    public int Unreadable { get; private set; }

    /// <summary>Consultations where an area without a defect was lowered.</summary>
    public int WithCollateral { get; private set; }

    /// <summary>Clean consultations where any area was lowered.</summary>
    public int CleanLowered { get; private set; }

    /// <summary>Points lost in areas without a defect, summed over all consultations.</summary>
    public double CollateralPoints { get; private set; }

    public List<string> Errors { get; } = [];

    public double Precision(QualityArea area) => counts[area] is var (tp, fp, _) && tp + fp > 0 ? (double)tp / (tp + fp) : 1;

    public double Recall(QualityArea area) => counts[area] is var (tp, _, fn) && tp + fn > 0 ? (double)tp / (tp + fn) : 1;

    public int Defective(QualityArea area) => counts[area].Tp + counts[area].Fn;

    /// <summary>Share of consultations where the area was lowered exactly when it has a defect.</summary>
    public double Agreement(QualityArea area) => Consultations == 0 ? 1 : 1 - (double)(counts[area].Fp + counts[area].Fn) / Consultations;

    public double Accuracy => Consultations == 0 ? 1 : (double)Exact / Consultations;

    public double CollateralRate => Consultations == 0 ? 0 : (double)WithCollateral / Consultations;

    public double CleanLoweredRate => Clean == 0 ? 0 : (double)CleanLowered / Clean;

    /// <summary>Mean points lost per consultation in areas that had no defect.</summary>
    public double MeanCollateralPoints => Consultations == 0 ? 0 : CollateralPoints / Consultations;

    internal void Add(string id, IReadOnlySet<QualityArea> defects, QualityResult result)
    {
        Consultations++;
        if (defects.Count == 0)
        {
            Clean++;
        }

        var collateral = new List<string>();
        var exact = true;
        foreach (var area in QualityAreas.All)
        {
            var score = result.Scores[area];
            var lowered = score < 100;
            exact &= lowered == defects.Contains(area);
            if (!defects.Contains(area))
            {
                FalseFindings += result.Findings.Count(f => f.Area == area && !f.Passed);
            }

            var (tp, fp, fn) = counts[area];
            if (defects.Contains(area))
            {
                counts[area] = lowered ? (tp + 1, fp, fn) : (tp, fp, fn + 1);
                if (!lowered)
                {
                    Errors.Add($"{id}: missed the {area.WireName()} defect (scored 100)");
                }
            }
            else if (lowered)
            {
                counts[area] = (tp, fp + 1, fn);
                CollateralPoints += 100 - score;
                var failed = result.Findings.Where(f => f.Area == area && !f.Passed).Select(f => $"{f.Item}@{f.Turn?.ToString() ?? "-"} «{f.Evidence}»");
                collateral.Add($"{area.WireName()}={score} ({string.Join("; ", failed)})");
            }
        }

        if (exact)
        {
            Exact++;
        }

        if (collateral.Count > 0)
        {
            WithCollateral++;
            if (defects.Count == 0)
            {
                CleanLowered++;
            }

            Errors.Add($"{id}: lowered without a defect: {string.Join(", ", collateral)}");
        }
    }

    internal void AddUnreadable(int line, string problem)
    {
        Unreadable++;
        Errors.Add($"line {line}: {problem}");
    }

    public IEnumerable<string> Describe()
    {
        yield return $"consultations {Consultations} ({Clean} clean), unreadable lines {Unreadable}";
        yield return "area          defects  precision  recall  agreement";
        foreach (var area in QualityAreas.All)
        {
            yield return $"{area.WireName(),-13} {Defective(area),7}  {Precision(area),9:P1}  {Recall(area),6:P1}  {Agreement(area),9:P1}";
        }

        yield return $"exact (only the defect areas lowered): {Exact} of {Consultations} ({Accuracy:P1}); false findings (failed items in areas without a defect): {FalseFindings}";

        yield return $"collateral: {WithCollateral} of {Consultations} consultations ({CollateralRate:P1}) lost points in an area without a defect, "
            + $"{MeanCollateralPoints:0.00} points per consultation; clean consultations lowered: {CleanLowered} of {Clean} ({CleanLoweredRate:P1})";
    }
}
