namespace Minwon.Server.Features.VisualArs;

public sealed record ArsDistrictOption(string Code, string NameKo, string NameEn);
