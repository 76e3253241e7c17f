namespace Minwon.Core.Quality;

/// <summary>A hold recorded by the telephony side: when, how long, and whether the counsellor announced it.</summary>
public sealed record HoldPeriod(double StartSeconds, double Seconds, bool Announced);
