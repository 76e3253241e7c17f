namespace Minwon.Server.Features.VisualArs;

/// <summary>Publishing was refused; every problem is listed (Korean) for the administrator.</summary>
public sealed class ArsMenuRejectedException(IReadOnlyList<string> problems)
    : Exception("메뉴를 게시할 수 없습니다: " + string.Join(" / ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
