using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Minwon.Core.VisualArs;
using Minwon.Server.Data;
using Minwon.Server.Features.Reference;
using Minwon.Server.Platform;

namespace Minwon.Server.Features.VisualArs;

/// <summary>The citizen's /ars pages: anonymous, server-rendered, one form post per step.</summary>
public static class ArsCitizenEndpoints
{
    public static IEndpointRouteBuilder MapArsPages(this IEndpointRouteBuilder app)
    {
        var ars = app.MapGroup("/ars").AllowAnonymous().ExcludeFromDescription().DisableAntiforgery().AddEndpointFilter<ArsPageFilter>();
        ars.MapGet("/", (HttpContext http, ArsMenuStore menus, ArsVisits visits, IArsNotices notices, IArsArticles articles, IAntiforgery af, MinwonDbContext db, CancellationToken ct) =>
            ShowNodeAsync(http, null, menus, visits, notices, articles, af, db, ct));
        ars.MapGet("/n/{id}", (string id, HttpContext http, ArsMenuStore menus, ArsVisits visits, IArsNotices notices, IArsArticles articles, IAntiforgery af, MinwonDbContext db, CancellationToken ct) =>
            ShowNodeAsync(http, id, menus, visits, notices, articles, af, db, ct));
        ars.MapPost("/n/{id}", SubmitAsync).WithMetadata(new RequestSizeLimitAttribute(12 * 1024 * 1024));
        ars.MapPost("/connect/{id}", ConnectAsync).WithMetadata(new RequestSizeLimitAttribute(64 * 1024));
        ars.MapGet("/search", async (string? q, HttpContext http, ArsMenuStore menus, IArsNotices notices, CancellationToken ct) =>
        {
            var h = new ArsHtml(Lang(http));
            var (_, menu) = await menus.GetPublishedAsync(ct);
            ArsPages.Search(h, menu, q, ArsSearch.Find(menu, q));
            return ArsHtml.Result(h.Page(h.T("results"), await notices.GetActiveAsync(ct), SwitchUrl(http)));
        });
        ars.MapArsStatusPages();
        return app;
    }

    internal static string Lang(HttpContext http) => http.Request.Query["lang"] == "en" ? "en" : "ko";

    internal static string SwitchUrl(HttpContext http)
    {
        var query = http.Request.Query.Where(q => q.Key != "lang").Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}").ToList();
        if (Lang(http) == "ko")
        {
            query.Add("lang=en");
        }

        return http.Request.PathBase + http.Request.Path + (query.Count > 0 ? "?" + string.Join('&', query) : "");
    }

    private static async Task<IResult> ShowNodeAsync(HttpContext http, string? id, ArsMenuStore menus, ArsVisits visits, IArsNotices notices,
        IArsArticles articles, IAntiforgery antiforgery, MinwonDbContext db, CancellationToken ct)
    {
        var h = new ArsHtml(Lang(http));
        var (_, menu) = await menus.GetPublishedAsync(ct);
        var node = menu.Find(id ?? menu.RootId);
        var path = node is null ? [] : menu.PathTo(node.Id);
        if (node is null || path.Count == 0)
        {
            h.Raw($"<h1>{ArsHtml.E(h.T("notFoundPage"))}</h1><p><a href=\"{ArsHtml.E(h.U("/ars"))}\">{ArsHtml.E(h.T("openMenu"))}</a></p>");
            return ArsHtml.Result(h.Page(h.T("notFoundPage"), [], SwitchUrl(http)), StatusCodes.Status404NotFound);
        }

        await visits.RecordAsync(http, node.Id, ArsVisitKind.View, ct);
        ArsPages.Breadcrumb(h, menu, path);
        var tokens = antiforgery.GetAndStoreTokens(http);
        switch (node.Kind)
        {
            case ArsNodeKind.Menu:
                ArsPages.Menu(h, menu, node);
                break;
            case ArsNodeKind.Info:
                ArsPages.Info(h, node, node.ArticleId is { } a ? await articles.GetTextAsync(a, h.Language, ct) : null);
                break;
            case ArsNodeKind.Link:
                ArsPages.Link(h, node);
                break;
            case ArsNodeKind.Connect when node.Connect == ArsConnectMode.Chat:
                ArsPages.Connect(h, node, tokens.FormFieldName, tokens.RequestToken!, null);
                break;
            default:
                ArsFormPage.Render(h, node, menu.FindForm(node.FormId)!, await DistrictsAsync(db, ct), new Dictionary<string, string?>(),
                    new Dictionary<string, string>(), tokens.FormFieldName, tokens.RequestToken!, ChatNode(menu));
                break;
        }

        return ArsHtml.Result(h.Page(node.Label(h.Language), await notices.GetActiveAsync(ct), SwitchUrl(http)));
    }

    private static async Task<IResult> SubmitAsync(string id, HttpContext http, IFormCollection form, SubmitArsForm handler, ArsMenuStore menus,
        IArsNotices notices, IAntiforgery antiforgery, MinwonDbContext db, ArsLinkKeys keys, TimeProvider clock, CancellationToken ct)
    {
        var values = form.Keys.ToDictionary(k => k, k => (string?)form[k].ToString());
        var result = await handler.HandleAsync(new ArsSubmitRequest(id, values, form.Files, ArsVisits.SessionId(http),
            await ArsLinkEndpoints.CallIdAsync(http, keys, clock, ct)), ct);
        var lang = Lang(http);
        if (result.Submission is { } filed)
        {
            return Results.Redirect($"/ars/status/{filed.LookupToken}?new=true" + (lang == "en" ? "&lang=en" : ""), preserveMethod: false);
        }

        var h = new ArsHtml(lang);
        var (_, menu) = await menus.GetPublishedAsync(ct);
        var node = menu.Find(id)!;
        ArsPages.Breadcrumb(h, menu, menu.PathTo(id));
        var tokens = antiforgery.GetAndStoreTokens(http);
        ArsFormPage.Render(h, node, menu.FindForm(node.FormId)!, await DistrictsAsync(db, ct), values, result.Errors,
            tokens.FormFieldName, tokens.RequestToken!, ChatNode(menu));
        return ArsHtml.Result(h.Page(node.Label(lang), await notices.GetActiveAsync(ct), SwitchUrl(http)), StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<IResult> ConnectAsync(string id, string? from, HttpContext http, IFormCollection form, StartArsHandoff handoff,
        ArsMenuStore menus, IArsNotices notices, IAntiforgery antiforgery, ArsLinkKeys keys, TimeProvider clock, CancellationToken ct)
    {
        var lang = Lang(http);
        var typed = from is null ? null : form.Keys.ToDictionary(k => k, k => (string?)form[k].ToString());
        try
        {
            var started = await handoff.HandleAsync(id, lang, ArsVisits.SessionId(http),
                await ArsLinkEndpoints.CallIdAsync(http, keys, clock, ct), from, typed, ct);
            return Results.Redirect($"/chat{(lang == "en" ? "?lang=en" : "")}#t={Uri.EscapeDataString(started.Token)}&k={Uri.EscapeDataString(started.ContactKey)}");
        }
        catch (ProblemException problem) when (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            var h = new ArsHtml(lang);
            var (_, menu) = await menus.GetPublishedAsync(ct);
            var tokens = antiforgery.GetAndStoreTokens(http);
            ArsPages.Connect(h, menu.Find(id)!, tokens.FormFieldName, tokens.RequestToken!, $"{h.T("chatClosed")} {problem.Detail}");
            if (menu.Nodes.FirstOrDefault(n => n.Kind == ArsNodeKind.Connect && n.Connect == ArsConnectMode.Callback) is { } callback)
            {
                h.Raw($"<p><a class=\"button\" href=\"{ArsHtml.E(h.U(ArsPages.NodeUrl(callback, menu)))}\">{ArsHtml.E(h.T("callbackInstead"))}</a></p>");
            }

            return ArsHtml.Result(h.Page(h.T("chatClosed"), await notices.GetActiveAsync(ct), SwitchUrl(http)), StatusCodes.Status503ServiceUnavailable);
        }
    }

    private static string? ChatNode(ArsMenu menu) =>
        menu.Nodes.FirstOrDefault(n => n.Kind == ArsNodeKind.Connect && n.Connect == ArsConnectMode.Chat && menu.PathTo(n.Id).Count > 0)?.Id;

    private static async Task<IReadOnlyList<ArsDistrictOption>> DistrictsAsync(MinwonDbContext db, CancellationToken ct) =>
        await db.Set<District>().AsNoTracking().OrderBy(d => d.NameKo).Select(d => new ArsDistrictOption(d.Code, d.NameKo, d.NameEn)).ToListAsync(ct);
}
