using Minwon.Core.VisualArs;

namespace Minwon.Server.Features.VisualArs;

/// <summary>The menu, information, connect, link and search pages of /ars.</summary>
public static class ArsPages
{
    public static string NodeUrl(ArsNode node, ArsMenu menu) => node.Id == menu.RootId ? "/ars" : $"/ars/n/{Uri.EscapeDataString(node.Id)}";

    public static void Breadcrumb(ArsHtml h, ArsMenu menu, IReadOnlyList<ArsNode> path)
    {
        if (path.Count <= 1)
        {
            return;
        }

        h.Raw($"<nav class=\"crumbs\" aria-label=\"{ArsHtml.E(h.T("breadcrumb"))}\"><ol>");
        for (var i = 0; i < path.Count; i++)
        {
            var label = i == 0 ? h.T("home") : path[i].Label(h.Language);
            h.Raw(i == path.Count - 1
                ? $"<li aria-current=\"page\">{ArsHtml.E(label)}</li>"
                : $"<li><a href=\"{ArsHtml.E(h.U(NodeUrl(path[i], menu)))}\">{ArsHtml.E(label)}</a></li>");
        }

        var parent = path[^2];
        h.Raw($"</ol></nav><p class=\"back\"><a href=\"{ArsHtml.E(h.U(NodeUrl(parent, menu)))}\">← {ArsHtml.E(h.T("back"))}</a></p>");
    }

    public static void Menu(ArsHtml h, ArsMenu menu, ArsNode node)
    {
        h.Raw($"<h1>{ArsHtml.E(node.Label(h.Language))}</h1>");
        if (node.Id == menu.RootId)
        {
            h.SearchBox();
        }

        h.Raw("<ul class=\"menu\">");
        foreach (var child in menu.ChildrenOf(node))
        {
            var digit = ArsHtml.E(child.Digit);
            h.Raw($"<li><a href=\"{ArsHtml.E(h.U(NodeUrl(child, menu)))}\" data-digit=\"{digit}\" class=\"kind-{child.Kind.ToString().ToLowerInvariant()}\">"
                + $"<span class=\"digit\" aria-hidden=\"true\">{digit}</span><span class=\"label\">{ArsHtml.E(child.Label(h.Language))}</span>"
                + $"<span class=\"sr-only\"> ({digit}{ArsHtml.E(h.T("press"))})</span></a></li>");
        }

        h.Raw("</ul>");
    }

    public static void Info(ArsHtml h, ArsNode node, string? articleText)
    {
        h.Raw($"<h1>{ArsHtml.E(node.Label(h.Language))}</h1><article class=\"info\">");
        var text = articleText ?? node.Text(h.Language);
        foreach (var paragraph in text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            h.Raw("<p>").Text(paragraph).Raw("</p>");
        }

        if (articleText is null && string.IsNullOrWhiteSpace(text) && node.ArticleId is { } id)
        {
            h.Raw($"<p>{ArsHtml.E(h.T("article"))} #{ArsHtml.E(id)}</p>");
        }

        h.Raw("</article>");
    }

    public static void Connect(ArsHtml h, ArsNode node, string antiforgeryField, string antiforgeryToken, string? problem)
    {
        h.Raw($"<h1>{ArsHtml.E(node.Label(h.Language))}</h1>");
        if (problem is not null)
        {
            h.Raw($"<p class=\"alert\" role=\"alert\">{ArsHtml.E(problem)}</p>");
        }

        h.Raw($"<p>{ArsHtml.E(h.T("chatIntro"))}</p>")
            .Raw($"<form method=\"post\" action=\"{ArsHtml.E(h.U($"/ars/connect/{Uri.EscapeDataString(node.Id)}"))}\">")
            .Raw($"<input type=\"hidden\" name=\"{ArsHtml.E(antiforgeryField)}\" value=\"{ArsHtml.E(antiforgeryToken)}\">")
            .Raw($"<button type=\"submit\" class=\"primary\">{ArsHtml.E(h.T("startChat"))}</button></form>");
    }

    public static void Link(ArsHtml h, ArsNode node)
    {
        h.Raw($"<h1>{ArsHtml.E(node.Label(h.Language))}</h1><p>{ArsHtml.E(h.T("externalNote"))}</p>")
            .Raw($"<p><a class=\"button primary\" href=\"{ArsHtml.E(node.Url)}\" rel=\"noopener noreferrer external\">{ArsHtml.E(h.T("external"))}</a></p>");
    }

    public static void Search(ArsHtml h, ArsMenu menu, string? query, IReadOnlyList<ArsSearch.Hit> hits)
    {
        h.Raw($"<h1>{ArsHtml.E(h.T("results"))}</h1>").SearchBox(query);
        if (hits.Count == 0)
        {
            h.Raw($"<p role=\"status\">{ArsHtml.E(h.T("noResults"))}</p>");
            return;
        }

        h.Raw($"<ul class=\"menu results\" aria-label=\"{ArsHtml.E(h.T("results"))}\">");
        foreach (var hit in hits)
        {
            var trail = string.Join(" › ", hit.Path.Skip(1).SkipLast(1).Select(n => n.Label(h.Language)));
            h.Raw($"<li><a href=\"{ArsHtml.E(h.U(NodeUrl(hit.Node, menu)))}\"><span class=\"label\">{ArsHtml.E(hit.Node.Label(h.Language))}</span>")
                .Raw(trail.Length > 0 ? $"<span class=\"trail\">{ArsHtml.E(trail)}</span>" : "")
                .Raw("</a></li>");
        }

        h.Raw("</ul>");
    }
}
