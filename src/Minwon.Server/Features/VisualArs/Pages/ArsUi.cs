namespace Minwon.Server.Features.VisualArs.Pages;

/// <summary>The language of one citizen page, its texts (<see cref="ArsText"/>) and language-keeping links.</summary>
public sealed record ArsUi(string Language)
{
    public bool English => Language == "en";

    public string T(string key) => ArsText.T(key, Language);

    /// <summary>Adds ?lang=en (or &amp;lang=en) to a local URL when the page is in English.</summary>
    public string U(string url) => English ? url + (url.Contains('?') ? "&lang=en" : "?lang=en") : url;

    public static string NodeUrl(Minwon.Core.VisualArs.ArsNode node, Minwon.Core.VisualArs.ArsMenu menu) =>
        node.Id == menu.RootId ? "/ars" : $"/ars/n/{Uri.EscapeDataString(node.Id)}";
}
