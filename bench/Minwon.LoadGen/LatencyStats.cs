namespace Minwon.LoadGen;

public sealed record LatencyStats(int Count, double P50Ms, double P95Ms, double P99Ms, double MaxMs, double MeanMs)
{
    public static LatencyStats From(IReadOnlyCollection<double> samplesMs)
    {
        if (samplesMs.Count == 0)
        {
            return new LatencyStats(0, 0, 0, 0, 0, 0);
        }

        var sorted = samplesMs.Order().ToArray();
        return new LatencyStats(sorted.Length, At(sorted, 0.50), At(sorted, 0.95), At(sorted, 0.99), sorted[^1], Math.Round(sorted.Average(), 2));
    }

    // Nearest-rank percentile: the value below which the given share of samples fall.
    private static double At(double[] sorted, double q) =>
        Math.Round(sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)], 2);

    public override string ToString() => $"n={Count} p50={P50Ms:F1} p95={P95Ms:F1} p99={P99Ms:F1} max={MaxMs:F1} ms";
}
