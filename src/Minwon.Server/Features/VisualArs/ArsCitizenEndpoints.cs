using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Minwon.Core.VisualArs;
using Minwon.Server.Data;
using Minwon.Server.Features.Reference;
using Minwon.Server.Features.VisualArs.Pages;
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
        ars.MapPost("/call/{id}", CallAsync).WithMetadata(new RequestSizeLimitAttribute(8 * 1024));
        ars.MapGet("/search", async (string? q, HttpContext http, ArsMenuStore menus, IArsNotices notices, CancellationToken ct) =>
        {
            var ui = Ui(http);
            var (_, menu) = await menus.GetPublishedAsync(ct);
            return ArsPage.Render(ui, ui.T("results"), await notices.GetActiveAsync(ct), StatusCodes.Status200OK,
                ArsPart.Of<ArsSearchView>(("Ui", ui), ("Menu", menu), ("Query", q), ("Hits", ArsSearch.Find(menu, q))));
        });
        ars.MapArsStatusPages();
        return app;
    }

    /// <summary>
    /// The page's language, asked for in the address (?lang=zh; "zh-CN" is zh) and kept in every link: any language with an
    /// ars-{code}.json resource file, Korean otherwise.
    /// </summary>
    internal static string Lang(HttpContext http) => ArsText.LanguageFor(http.Request.Query["lang"].ToString());

    /// <summary>The page's language and its own address without the language (a failed post's page as the GET address that shows it).</summary>
    internal static ArsUi Ui(HttpContext http)
    {
        var path = (http.Request.PathBase + http.Request.Path).ToString();
        if (HttpMethods.IsPost(http.Request.Method))
        {
            var here = path.Replace("/ars/connect/", "/ars/n/", StringComparison.Ordinal).Replace("/ars/call/", "/ars/n/", StringComparison.Ordinal);
            return new ArsUi(Lang(http), here);
        }

        var query = http.Request.Query.Where(q => q.Key != "lang")
            .Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}").ToList();
        return new ArsUi(Lang(http), path + (query.Count > 0 ? "?" + string.Join('&', query) : ""));
    }

    private static async Task<IResult> ShowNodeAsync(HttpContext http, string? id, ArsMenuStore menus, ArsVisits visits, IArsNotices notices,
        IArsArticles articles, IAntiforgery antiforgery, MinwonDbContext db, CancellationToken ct)
    {
        var ui = Ui(http);
        var (_, menu) = await menus.GetPublishedAsync(ct);
        var node = menu.Find(id ?? menu.RootId);
        var path = node is null ? [] : menu.PathTo(node.Id);
        if (node is null || path.Count == 0)
        {
            return ArsPage.Render(ui, ui.T("notFoundPage"), [], StatusCodes.Status404NotFound,
                ArsPart.Of<ArsMessageView>(("Ui", ui), ("Heading", ui.T("notFoundPage"))));
        }

        await visits.RecordAsync(http, node.Id, ArsVisitKind.View, ct);
        var tokens = antiforgery.GetAndStoreTokens(http);
        var body = node.Kind switch
        {
            ArsNodeKind.Menu => ArsPart.Of<ArsMenuView>(("Ui", ui), ("Menu", menu), ("Node", node)),
            ArsNodeKind.Info => ArsPart.Of<ArsInfoView>(("Ui", ui), ("Node", node),
                ("ArticleText", node.ArticleId is { } a ? await articles.GetTextAsync(a, ui.Language, ct) : null)),
            ArsNodeKind.Link => ArsPart.Of<ArsLinkView>(("Ui", ui), ("Node", node)),
            ArsNodeKind.Connect when node.Connect == ArsConnectMode.Chat => ArsPart.Of<ArsConnectView>(("Ui", ui), ("Node", node), ("Antiforgery", tokens)),
            _ => FormPart(ui, node, menu, await DistrictsAsync(db, ct), new Dictionary<string, string?>(), new Dictionary<string, string>(), tokens),
        };
        return ArsPage.Render(ui, ui.Label(node).Text, await notices.GetActiveAsync(ct), StatusCodes.Status200OK,
            Breadcrumb(ui, menu, path), body);
    }

    private static async Task<IResult> SubmitAsync(string id, HttpContext http, IFormCollection form, SubmitArsForm handler, ArsMenuStore menus,
        IArsNotices notices, IAntiforgery antiforgery, MinwonDbContext db, ArsLinkKeys keys, TimeProvider clock, CancellationToken ct)
    {
        var values = form.Keys.ToDictionary(k => k, k => (string?)form[k].ToString());
        var result = await handler.HandleAsync(new ArsSubmitRequest(id, values, form.Files, ArsVisits.SessionId(http),
            await ArsLinkEndpoints.CallIdAsync(http, keys, clock, ct)), ct);
        var ui = Ui(http);
        if (result.Submission is { } filed)
        {
            return Results.Redirect(ui.U($"/ars/status/{filed.LookupToken}?new=true"), preserveMethod: false);
        }

        var (_, menu) = await menus.GetPublishedAsync(ct);
        var node = menu.Find(id)!;
        var tokens = antiforgery.GetAndStoreTokens(http);
        return ArsPage.Render(ui, ui.Label(node).Text, await notices.GetActiveAsync(ct), StatusCodes.Status422UnprocessableEntity,
            Breadcrumb(ui, menu, menu.PathTo(id)), FormPart(ui, node, menu, await DistrictsAsync(db, ct), values, result.Errors, tokens));
    }

    /// <summary>"전화로 상담": a web call that carries the menus the citizen went through to the counsellor's softphone.</summary>
    private static async Task<IResult> CallAsync(string id, HttpContext http, ArsMenuStore menus, ArsVisits visits, MinwonDbContext db,
        Voice.StartWebCall startCall, CancellationToken ct)
    {
        var (_, menu) = await menus.GetPublishedAsync(ct);
        if (menu.Find(id) is not { } node)
        {
            throw ProblemException.NotFound("메뉴를 찾을 수 없습니다.");
        }

        var path = await ArsSessionTrail.LabelsAsync(db, menu, ArsVisits.SessionId(http), ct);
        if (path.Count == 0 || path[^1] != node.LabelKo)
        {
            path.Add(node.LabelKo);
        }

        var started = await startCall.HandleAsync(null, ct, System.Text.Json.JsonSerializer.Serialize(path, ArsJson.Options));
        await visits.RecordAsync(http, node.Id, ArsVisitKind.Handoff, ct);
        return Results.Redirect($"/call{Ui(http).KoEnQuery}#t={Uri.EscapeDataString(started.Token)}");
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
            return Results.Redirect(new ArsUi(lang).U("/chat") + $"#t={Uri.EscapeDataString(started.Token)}&k={Uri.EscapeDataString(started.ContactKey)}");
        }
        catch (ProblemException problem) when (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            var ui = Ui(http);
            var (_, menu) = await menus.GetPublishedAsync(ct);
            var callback = menu.Nodes.FirstOrDefault(n => n.Kind == ArsNodeKind.Connect && n.Connect == ArsConnectMode.Callback);
            return ArsPage.Render(ui, ui.T("chatClosed"), await notices.GetActiveAsync(ct), StatusCodes.Status503ServiceUnavailable,
                ArsPart.Of<ArsConnectView>(("Ui", ui), ("Node", menu.Find(id)!), ("Antiforgery", antiforgery.GetAndStoreTokens(http)),
                    ("Problem", $"{ui.T("chatClosed")} {problem.Detail}"), ("CallbackUrl", callback is null ? null : ArsUi.NodeUrl(callback, menu))));
        }
    }

    private static ArsPart Breadcrumb(ArsUi ui, ArsMenu menu, IReadOnlyList<ArsNode> path) =>
        ArsPart.Of<ArsBreadcrumb>(("Ui", ui), ("Menu", menu), ("Path", path));

    private static ArsPart FormPart(ArsUi ui, ArsNode node, ArsMenu menu, IReadOnlyList<ArsDistrictOption> districts,
        IReadOnlyDictionary<string, string?> values, IReadOnlyDictionary<string, string> errors, AntiforgeryTokenSet tokens) =>
        ArsPart.Of<ArsFormView>(("Ui", ui), ("Node", node), ("Form", menu.FindForm(node.FormId)!), ("Districts", districts),
            ("Values", values), ("Errors", errors), ("Antiforgery", tokens), ("ChatNodeId", ChatNode(menu)));

    private static string? ChatNode(ArsMenu menu) =>
        menu.Nodes.FirstOrDefault(n => n.Kind == ArsNodeKind.Connect && n.Connect == ArsConnectMode.Chat && menu.PathTo(n.Id).Count > 0)?.Id;

    private static async Task<IReadOnlyList<ArsDistrictOption>> DistrictsAsync(MinwonDbContext db, CancellationToken ct) =>
        await db.Set<District>().AsNoTracking().OrderBy(d => d.NameKo).Select(d => new ArsDistrictOption(d.Code, d.NameKo, d.NameEn)).ToListAsync(ct);
}
