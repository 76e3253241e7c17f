namespace Minwon.LoadGen;

public sealed record WindowFigures(int FromSecond, int Count, double P50Ms, double P99Ms, double MaxMs);
