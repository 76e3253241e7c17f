using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Cases.Events;

/// <summary>A counsellor closed the conversation with its case record (민원 기록).</summary>
[EventType("CaseClosed")]
public sealed record CaseClosed(Guid CaseId, int? CategoryId, string? DistrictCode, CaseDisposition Disposition, string Channel) : IEvent;
