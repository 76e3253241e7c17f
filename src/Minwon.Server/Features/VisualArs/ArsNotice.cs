namespace Minwon.Server.Features.VisualArs;

/// <summary>A current notice shown at the top of /ars (e.g. from the issue alerter: "마포구 일대 단수").</summary>
public sealed record ArsNotice(string TitleKo, string TitleEn, string? BodyKo = null, string? BodyEn = null);
