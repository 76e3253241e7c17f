using Microsoft.AspNetCore.Antiforgery;
using Minwon.Server.Features.VisualArs.Pages;

namespace Minwon.Server.Features.VisualArs;

/// <summary>/ars/status: the confirmation after filing, and the lookup by receipt number and phone digits.</summary>
public static class ArsStatusPages
{
    public static RouteGroupBuilder MapArsStatusPages(this RouteGroupBuilder ars)
    {
        ars.MapGet("/status", async (HttpContext http, IAntiforgery antiforgery, IArsNotices notices, CancellationToken ct) =>
        {
            var ui = ArsCitizenEndpoints.Ui(http);
            return Lookup(ui, http, antiforgery, await notices.GetActiveAsync(ct), null, null, StatusCodes.Status200OK);
        });
        ars.MapPost("/status", async (HttpContext http, IFormCollection form, LookupArsCase lookup, ArsLookupThrottle throttle,
            ArsMenuStore menus, IAntiforgery antiforgery, IArsNotices notices, CancellationToken ct) =>
        {
            var ui = ArsCitizenEndpoints.Ui(http);
            var receipt = form["receipt"].ToString();
            var client = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            if (!throttle.TryTake(client))
            {
                return Lookup(ui, http, antiforgery, [], receipt, ui.T("tooMany"), StatusCodes.Status429TooManyRequests);
            }

            var status = await lookup.ByReceiptAsync(receipt, form["last4"].ToString(), ct);
            if (status is null)
            {
                return Lookup(ui, http, antiforgery, [], receipt, ui.T("notFound"), StatusCodes.Status404NotFound);
            }

            return Status(ui, status, (await menus.GetPublishedAsync(ct)).Menu, false, ui.T("status"), await notices.GetActiveAsync(ct));
        }).WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(64 * 1024));
        ars.MapGet("/status/{token}", async (string token, bool? @new, HttpContext http, LookupArsCase lookup, ArsLookupThrottle throttle,
            ArsMenuStore menus, IAntiforgery antiforgery, IArsNotices notices, CancellationToken ct) =>
        {
            var ui = ArsCitizenEndpoints.Ui(http);
            var status = throttle.TryTake(http.Connection.RemoteIpAddress?.ToString() ?? "unknown") ? await lookup.ByTokenAsync(token, ct) : null;
            if (status is null)
            {
                return Lookup(ui, http, antiforgery, [], null, ui.T("notFound"), StatusCodes.Status404NotFound);
            }

            return Status(ui, status, (await menus.GetPublishedAsync(ct)).Menu, @new == true, ui.T("received"), await notices.GetActiveAsync(ct));
        });
        return ars;
    }

    private static IResult Lookup(ArsUi ui, HttpContext http, IAntiforgery antiforgery, IReadOnlyList<ArsNotice> notices,
        string? receipt, string? problem, int status) =>
        ArsPage.Render(ui, ui.T("status"), notices, status,
            ArsPart.Of<ArsLookupView>(("Ui", ui), ("Antiforgery", antiforgery.GetAndStoreTokens(http)), ("Receipt", receipt), ("Problem", problem)));

    private static IResult Status(ArsUi ui, ArsCaseStatus status, Minwon.Core.VisualArs.ArsMenu menu, bool isNew,
        string title, IReadOnlyList<ArsNotice> notices) =>
        ArsPage.Render(ui, title, notices, StatusCodes.Status200OK,
            ArsPart.Of<ArsStatusView>(("Ui", ui), ("Menu", menu), ("Status", status), ("IsNew", isNew)));
}
