using Microsoft.AspNetCore.Mvc;

namespace Minwon.Server.Platform;

/// <summary>
/// Writes ProblemDetails for /api requests whatever their Accept header says. The framework's writer declines a
/// request that accepts only text/html (a browser following a link), and an exception handler that could not write its
/// 404 then turned it into a 500. Registered after the framework's writer, so it only answers what that one declines.
/// </summary>
internal sealed class ApiProblemWriter : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) =>
        context.HttpContext.Request.Path.StartsWithSegments("/api") && !context.HttpContext.Response.HasStarted;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        context.ProblemDetails.Status ??= http.Response.StatusCode;
        return new ValueTask(http.Response.WriteAsJsonAsync(context.ProblemDetails, typeof(ProblemDetails), options: null,
            contentType: "application/problem+json", http.RequestAborted));
    }
}
