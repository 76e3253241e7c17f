namespace Minwon.Server.Platform.Observability;

/// <summary>
/// Every log line written while a request about one conversation or one call is handled carries its id
/// (<c>ConversationId</c>, <c>CallId</c> in the scope; JSON console logs with IncludeScopes show them). Ids only: the
/// citizen's chat token is a secret and is never put in a scope.
/// </summary>
public sealed class LogScopes(RequestDelegate next, ILogger<LogScopes> logger)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var scope = ScopeOf(http);
        if (scope is null)
        {
            await next(http);
            return;
        }

        using (logger.BeginScope(scope))
        {
            await next(http);
        }
    }

    internal static Dictionary<string, object>? ScopeOf(HttpContext http)
    {
        if (http.Request.RouteValues.TryGetValue("id", out var raw) && Guid.TryParse(raw?.ToString(), out var id))
        {
            var path = http.Request.Path;
            if (path.StartsWithSegments("/api/voice/calls"))
            {
                return new() { ["CallId"] = id };
            }

            if (path.StartsWithSegments("/api/conversations") || path.StartsWithSegments("/api/voice/conversations"))
            {
                return new() { ["ConversationId"] = id };
            }
        }

        return null;
    }
}
