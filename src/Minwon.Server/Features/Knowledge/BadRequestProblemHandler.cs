using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Minwon.Server.Features.Knowledge;

/// <summary>
/// Turns a request that could not be bound (malformed JSON, `top=abc`) into a 400 ProblemDetails. In Development
/// minimal APIs throw BadHttpRequestException instead of answering 400, and the exception handler made it a 500.
/// Not specific to knowledge: the lead may move it to Platform.
/// </summary>
public sealed class BadRequestProblemHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        httpContext.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails { Status = bad.StatusCode, Title = "The request could not be read", Detail = bad.Message },
            Exception = exception,
        });
    }
}
