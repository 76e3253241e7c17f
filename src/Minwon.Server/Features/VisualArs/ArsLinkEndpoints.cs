using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Minwon.Core.VisualArs;
using Minwon.Server.Features.VisualArs.Pages;
using Minwon.Server.Platform;

namespace Minwon.Server.Features.VisualArs;

/// <summary>The texted link: the telephony API that sends it, and the landing page that checks it.</summary>
public static class ArsLinkEndpoints
{
    public const string CallCookie = "ars_call";

    public static IEndpointRouteBuilder MapArsLinks(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/ars/links", async Task<Ok<SendArsLinkResponse>> (SendArsLinkRequest request, HttpContext http, SendArsLink handler,
            IOptions<ArsOptions> options, CancellationToken ct) =>
        {
            if (!SharedKey.Matches(options.Value.TelephonyApiKey, http.Request.Headers["X-Api-Key"].ToString()))
            {
                throw new ProblemException(StatusCodes.Status401Unauthorized, "API 키가 올바르지 않습니다.");
            }

            return TypedResults.Ok(await handler.HandleAsync(request, $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}", ct));
        }).AllowAnonymous().AllowCrossSite(CrossSitePolicy.AnyOrigin)
            .WithTags("Visual ARS").WithSummary("Text a caller the visual ARS link for their call (telephony, X-Api-Key)");

        app.MapGet("/ars/l/{token}", async (string token, HttpContext http, ArsLinkKeys keys, TimeProvider clock, CancellationToken ct) =>
        {
            var check = ArsLinkToken.Verify(await keys.GetAsync(ct), token, clock.GetUtcNow(), out var callId);
            var ui = ArsCitizenEndpoints.Ui(http);
            if (check != ArsLinkCheck.Valid)
            {
                // Expired and forged links get the same page: nothing tells a guesser which one they hold.
                http.Response.Headers.CacheControl = "no-store";
                return ArsPage.Render(ui, ui.T("linkBad"), [], StatusCodes.Status410Gone,
                    ArsPart.Of<ArsMessageView>(("Ui", ui), ("Heading", ui.T("linkBad")), ("Text", ui.T("linkBadText")), ("Button", true)));
            }

            // The signed token, not the bare call id, so a citizen cannot tie their session to someone else's call.
            http.Response.Cookies.Append(CallCookie, token, new CookieOptions
            {
                HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps, MaxAge = TimeSpan.FromHours(2), IsEssential = true,
            });
            return Results.Redirect(ui.U("/ars"));
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>The call a session came from: the texted link's token, still genuine, up to two hours after it expired.</summary>
    public static async Task<string?> CallIdAsync(HttpContext http, ArsLinkKeys keys, TimeProvider clock, CancellationToken ct)
    {
        if (!http.Request.Cookies.TryGetValue(CallCookie, out var token) || token is not { Length: > 0 and <= 300 })
        {
            return null;
        }

        var check = ArsLinkToken.Verify(await keys.GetAsync(ct), token, clock.GetUtcNow().AddHours(-2), out var callId);
        return check == ArsLinkCheck.Valid ? callId : null;
    }

}
