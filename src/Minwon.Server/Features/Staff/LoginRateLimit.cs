using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Minwon.Server.Features.Staff;

/// <summary>
/// ASP.NET Core rate limiting on the sign-in post, per client address (token bucket). A refused browser goes back to
/// the sign-in page with "wait", not to a JSON error. Requests without an address (Unix socket, tests) are not limited.
/// </summary>
public sealed class LoginRateLimit(IOptions<SignInOptions> options) : IRateLimiterPolicy<string>
{
    public const string Name = "staff-sign-in";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = (context, _) =>
    {
        context.HttpContext.Response.Headers.RetryAfter = "60";
        context.HttpContext.Response.Redirect("/login?error=wait");
        return ValueTask.CompletedTask;
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        var address = httpContext.Connection.RemoteIpAddress;
        if (address is null)
        {
            return RateLimitPartition.GetNoLimiter("-");
        }

        var perMinute = Math.Max(1, options.Value.AttemptsPerMinutePerAddress);
        return RateLimitPartition.GetTokenBucketLimiter(address.ToString(), _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = perMinute,
            TokensPerPeriod = perMinute,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
    }
}
