namespace Minwon.Server.Features.TextSafety;

/// <summary>A message after the guard: masked text, the protected original when masking changed it, the abuse verdict.</summary>
public sealed record SafeText(string Masked, string? ProtectedOriginal, string Abuse, double AbuseScore, int PiiCount);
