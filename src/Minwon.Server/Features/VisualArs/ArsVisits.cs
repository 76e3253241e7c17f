using Minwon.Core.VisualArs;
using Minwon.Server.Data;

namespace Minwon.Server.Features.VisualArs;

/// <summary>Records menu steps under an anonymous session cookie; analytics must never break a citizen's page.</summary>
public sealed partial class ArsVisits(MinwonDbContext db, TimeProvider clock, ILogger<ArsVisits> logger)
{
    public const string SessionCookie = "ars_sid";

    public static string SessionId(HttpContext http)
    {
        if (http.Request.Cookies.TryGetValue(SessionCookie, out var existing) && existing is { Length: >= 16 and <= 40 }
            && existing.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return existing;
        }

        if (http.Items[SessionCookie] is string made)
        {
            return made;
        }

        var id = Conversations.StartChat.NewSecret(18);
        http.Items[SessionCookie] = id;
        http.Response.Cookies.Append(SessionCookie, id, new CookieOptions
        {
            HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps, IsEssential = true, MaxAge = TimeSpan.FromHours(12),
        });
        return id;
    }

    public async Task RecordAsync(HttpContext http, string nodeId, ArsVisitKind kind, CancellationToken cancellationToken)
    {
        try
        {
            db.Add(new ArsVisit { SessionId = SessionId(http), NodeId = nodeId, Kind = kind, At = clock.GetUtcNow() });
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateException e)
        {
            LogVisitFailed(logger, e, nodeId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record a visual ARS visit to {NodeId}.")]
    private static partial void LogVisitFailed(ILogger logger, Exception exception, string nodeId);
}
