using Microsoft.AspNetCore.Mvc;

namespace Minwon.Server.Features.VisualArs;

/// <summary>Turns a refused publish into a 400 ProblemDetails whose "problems" extension lists every Korean message.</summary>
internal sealed class ArsMenuRejectedHandler(IProblemDetailsService problems) : Microsoft.AspNetCore.Diagnostics.IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not ArsMenuRejectedException rejected)
        {
            return false;
        }

        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        var details = new ProblemDetails
        {
            Status = 400, Title = "메뉴를 게시할 수 없습니다.", Detail = $"고쳐야 할 문제가 {rejected.Problems.Count}개 있습니다.",
        };
        details.Extensions["problems"] = rejected.Problems;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, Exception = exception, ProblemDetails = details });
    }
}
