using System.Net;
using Microsoft.Extensions.Options;

namespace Minwon.Server.Platform.Observability;

/// <summary>
/// Who may read <c>/metrics</c>: a scraper with the scrape key (<c>Authorization: Bearer KEY</c>) from anywhere, or a
/// request from this machine that did not pass a proxy. Everyone else gets 403 ProblemDetails. The figures carry no
/// personal data, but queue lengths and node names are not for the public either.
/// </summary>
public sealed class MetricsAccess(RequestDelegate next, IOptions<ObservabilityOptions> options, IProblemDetailsService problems)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (Allowed(http, options.Value))
        {
            await next(http);
            return;
        }

        http.Response.StatusCode = StatusCodes.Status403Forbidden;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "Metrics are not open to this client.",
                Detail = "Scrape from this machine, or send Authorization: Bearer with Minwon:Observability:ScrapeKey.",
            },
        });
    }

    public static bool Allowed(HttpContext http, ObservabilityOptions settings)
    {
        if (settings.ScrapeKey is { Length: > 0 } key
            && http.Request.Headers.Authorization is [{ } header]
            && header.StartsWith("Bearer ", StringComparison.Ordinal)
            && SharedKey.Matches(key, header["Bearer ".Length..].Trim()))
        {
            return true;
        }

        return settings.MetricsFromLoopback
            && http.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address)
            && !http.Request.Headers.ContainsKey("X-Forwarded-For") && !http.Request.Headers.ContainsKey("Forwarded");
    }
}
