using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Minwon.Server.Platform;

/// <summary>
/// A request that cannot be served, with a message fit for the person who sent it. Use cases throw it;
/// HTTP answers it as ProblemDetails and hubs as a HubException, so every surface says the same thing.
/// </summary>
public sealed class ProblemException(int status, string title, string? detail = null) : Exception(detail ?? title)
{
    public int Status { get; } = status;
    public string Title { get; } = title;
    public string? Detail { get; } = detail;

    /// <summary>Seconds the client should wait before trying again (a 503 of an overloaded node): sent as <c>Retry-After</c>.</summary>
    public int? RetryAfterSeconds { get; init; }

    public static ProblemException NotFound(string what = "대화를 찾을 수 없습니다.") => new(StatusCodes.Status404NotFound, what);

    public static ProblemException Invalid(string detail) => new(StatusCodes.Status400BadRequest, "요청이 올바르지 않습니다.", detail);

    public static ProblemException Conflict(string detail) => new(StatusCodes.Status409Conflict, "지금은 처리할 수 없습니다.", detail);
}

internal sealed class ProblemExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            ProblemException p => (p.Status, p.Title, p.Detail),
            BadHttpRequestException b => (b.StatusCode, "요청이 올바르지 않습니다.", b.Message),
            _ => (0, "", null),
        };
        if (status == 0)
        {
            return false;
        }

        context.Response.StatusCode = status;
        if (exception is ProblemException { RetryAfterSeconds: { } retryAfter })
        {
            context.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                Exception = exception,
                ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
            }))
        {
            return true;
        }

        // A client that accepts neither JSON nor problem+json still learns the status and why, never a 500.
        await context.Response.WriteAsync(detail is null ? title : $"{title} {detail}", cancellationToken);
        return true;
    }
}
