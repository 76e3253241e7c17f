namespace Minwon.LoadGen;

public sealed record RatioFigures(double P50, double P99);
