using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Minwon.Core.VisualArs;

namespace Minwon.Server.Features.VisualArs;

/// <summary>/ars/status: the confirmation after filing, and the lookup by receipt number and phone digits.</summary>
public static class ArsStatusPages
{
    public static RouteGroupBuilder MapArsStatusPages(this RouteGroupBuilder ars)
    {
        ars.MapGet("/status", async (HttpContext http, IAntiforgery antiforgery, IArsNotices notices, CancellationToken ct) =>
        {
            var h = new ArsHtml(ArsCitizenEndpoints.Lang(http));
            LookupForm(h, antiforgery.GetAndStoreTokens(http), null, null);
            return ArsHtml.Result(h.Page(h.T("status"), await notices.GetActiveAsync(ct), ArsCitizenEndpoints.SwitchUrl(http)));
        });
        ars.MapPost("/status", async (HttpContext http, IFormCollection form, LookupArsCase lookup, ArsLookupThrottle throttle,
            ArsMenuStore menus, IAntiforgery antiforgery, IArsNotices notices, CancellationToken ct) =>
        {
            var h = new ArsHtml(ArsCitizenEndpoints.Lang(http));
            var receipt = form["receipt"].ToString();
            var client = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            if (!throttle.TryTake(client))
            {
                LookupForm(h, antiforgery.GetAndStoreTokens(http), receipt, h.T("tooMany"));
                return ArsHtml.Result(h.Page(h.T("status"), [], ArsCitizenEndpoints.SwitchUrl(http)), StatusCodes.Status429TooManyRequests);
            }

            var status = await lookup.ByReceiptAsync(receipt, form["last4"].ToString(), ct);
            if (status is null)
            {
                LookupForm(h, antiforgery.GetAndStoreTokens(http), receipt, h.T("notFound"));
                return ArsHtml.Result(h.Page(h.T("status"), [], ArsCitizenEndpoints.SwitchUrl(http)), StatusCodes.Status404NotFound);
            }

            Status(h, status, (await menus.GetPublishedAsync(ct)).Menu, isNew: false);
            return ArsHtml.Result(h.Page(h.T("status"), await notices.GetActiveAsync(ct), ArsCitizenEndpoints.SwitchUrl(http)));
        }).WithMetadata(new RequestSizeLimitAttribute(64 * 1024));
        ars.MapGet("/status/{token}", async (string token, bool? @new, HttpContext http, LookupArsCase lookup, ArsLookupThrottle throttle,
            ArsMenuStore menus, IAntiforgery antiforgery, IArsNotices notices, CancellationToken ct) =>
        {
            var h = new ArsHtml(ArsCitizenEndpoints.Lang(http));
            var status = throttle.TryTake(http.Connection.RemoteIpAddress?.ToString() ?? "unknown") ? await lookup.ByTokenAsync(token, ct) : null;
            if (status is null)
            {
                LookupForm(h, antiforgery.GetAndStoreTokens(http), null, h.T("notFound"));
                return ArsHtml.Result(h.Page(h.T("status"), [], ArsCitizenEndpoints.SwitchUrl(http)), StatusCodes.Status404NotFound);
            }

            Status(h, status, (await menus.GetPublishedAsync(ct)).Menu, @new == true);
            return ArsHtml.Result(h.Page(h.T("received"), await notices.GetActiveAsync(ct), ArsCitizenEndpoints.SwitchUrl(http)));
        });
        return ars;
    }

    private static void LookupForm(ArsHtml h, AntiforgeryTokenSet tokens, string? receipt, string? problem)
    {
        h.Raw($"<h1>{ArsHtml.E(h.T("status"))}</h1>");
        if (problem is not null)
        {
            h.Raw($"<p class=\"alert\" role=\"alert\">{ArsHtml.E(problem)}</p>");
        }

        h.Raw($"<form method=\"post\" action=\"{ArsHtml.E(h.U("/ars/status"))}\" class=\"fields\">")
            .Raw($"<input type=\"hidden\" name=\"{ArsHtml.E(tokens.FormFieldName)}\" value=\"{ArsHtml.E(tokens.RequestToken)}\">")
            .Raw($"<div class=\"field\"><label for=\"receipt\">{ArsHtml.E(h.T("receipt"))}</label>")
            .Raw($"<input id=\"receipt\" name=\"receipt\" required maxlength=\"32\" placeholder=\"2026-1128-000001\" value=\"{ArsHtml.E(receipt)}\"></div>")
            .Raw($"<div class=\"field\"><label for=\"last4\">{ArsHtml.E(h.T("last4"))}</label>")
            .Raw("<input id=\"last4\" name=\"last4\" required inputmode=\"numeric\" pattern=\"[0-9]{4}\" maxlength=\"4\" autocomplete=\"off\"></div>")
            .Raw($"<button type=\"submit\" class=\"primary\">{ArsHtml.E(h.T("lookup"))}</button></form>");
    }

    private static void Status(ArsHtml h, ArsCaseStatus status, ArsMenu menu, bool isNew)
    {
        var title = menu.FindForm(status.FormId)?.Title(h.Language) ?? status.FormId;
        var state = status.ClosedAt is not null ? h.T("stateClosed")
            : status.Disposition == Cases.CaseDisposition.CallbackNeeded ? h.T("stateCallback") : h.T("stateOpen");
        var filed = TimeZoneInfo.ConvertTime(status.CreatedAt, TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul"));
        h.Raw($"<h1>{ArsHtml.E(isNew ? h.T("received") : h.T("status"))}</h1>")
            .Raw($"<dl class=\"receipt\" role=\"status\"><dt>{ArsHtml.E(h.T("receipt"))}</dt><dd id=\"receipt-number\">{ArsHtml.E(status.ReceiptNumber)}</dd>")
            .Raw($"<dt>{ArsHtml.E(h.Language == "en" ? "Request" : "신청")}</dt><dd>{ArsHtml.E(title)}</dd>")
            .Raw($"<dt>{ArsHtml.E(h.T("filedAt"))}</dt><dd>{filed:yyyy-MM-dd HH:mm}</dd>")
            .Raw($"<dt>{ArsHtml.E(h.T("state"))}</dt><dd id=\"case-state\">{ArsHtml.E(state)}</dd></dl>");
        if (isNew)
        {
            h.Raw($"<p>{ArsHtml.E(h.T("keepReceipt"))}</p>");
        }

        h.Raw($"<p><a href=\"{ArsHtml.E(h.U("/ars"))}\">{ArsHtml.E(h.T("home"))}</a></p>");
    }
}
