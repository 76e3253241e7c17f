using Minwon.Server.Features.Cases;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.VisualArs.Events;

/// <summary>
/// A citizen filed a self-service form of the visual ARS: a case with a receipt number and no conversation
/// (disposition SelfService, or CallbackNeeded for a form that asks to be called back).
/// </summary>
[EventType("ArsFormFiled")]
public sealed record ArsFormFiled(Guid CaseId, int? CategoryId, string? DistrictCode, CaseDisposition Disposition, string FormId) : IEvent;
