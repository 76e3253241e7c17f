namespace Minwon.Core.Quality;

/// <summary>One turn of a finished consultation; <see cref="OffsetSeconds"/> counts from when it was answered.</summary>
public sealed record ConsultationTurn(Speaker Speaker, string Text, double OffsetSeconds);
