using Minwon.Server.Features.Cases;

namespace Minwon.Server.Features.Conversations.Desk;

/// <summary>The case form being filled on the desk; the assistant panel fills parts of it.</summary>
public sealed class CaseFormModel
{
    public int? CategoryId { get; set; }
    public string? DistrictCode { get; set; }
    public string? Summary { get; set; }
    public CaseDisposition Disposition { get; set; } = CaseDisposition.Answered;
}
