using Minwon.Core.VisualArs;

namespace Minwon.Server.Features.VisualArs.Pages;

/// <summary>A text and, when it is not in the page's language (a fallback), the language it is in; null otherwise.</summary>
public readonly record struct ArsLabel(string Text, string? Lang)
{
    public override string ToString() => Text;
}

/// <summary>
/// The language of one citizen page, its texts (<see cref="ArsText"/>) and language-keeping links. <paramref name="Here"/>
/// is the page's own address without its language, for the links to the page in the other languages.
/// </summary>
public sealed record ArsUi(string Language, string Here = "/ars")
{
    public bool Korean => Language == "ko";

    public string T(string key) => ArsText.T(key, Language);

    public string T(string key, params (string Name, string Value)[] values) => ArsText.T(key, Language, values);

    /// <summary>Adds ?lang=xx (or &amp;lang=xx) to a local URL when the page is not in Korean.</summary>
    public string U(string url) => WithLang(url, Language);

    /// <summary>This page in <paramref name="language"/>.</summary>
    public string In(string language) => WithLang(Here, language);

    /// <summary>"?lang=en" for a page in Korean and English only (/call, /video): English for every language but Korean.</summary>
    public string KoEnQuery => Korean ? "" : "?lang=en";

    /// <summary>
    /// A text of the menu tree, which carries Korean and English (and, for menu labels, optionally further languages):
    /// the page's language when present, else English for a foreign language, else Korean, the fallback marked with its language.
    /// </summary>
    public ArsLabel Pick(string ko, string en, string? own = null)
    {
        if (Language == "ko")
        {
            return new(ko, null);
        }

        if (Language == "en")
        {
            return en.Length > 0 ? new(en, null) : new(ko, "ko");
        }

        if (!string.IsNullOrWhiteSpace(own))
        {
            return new(own, null);
        }

        return en.Length > 0 ? new(en, "en") : new(ko, "ko");
    }

    public ArsLabel Label(ArsNode node) =>
        Pick(node.LabelKo, node.LabelEn, node.Labels?.GetValueOrDefault(Language));

    public ArsLabel Text(ArsNode node) => Pick(node.TextKo, node.TextEn);

    public ArsLabel Title(ArsFormDefinition form) => Pick(form.TitleKo, form.TitleEn);

    public ArsLabel Label(ArsFormField field) => Pick(field.LabelKo, field.LabelEn);

    public ArsLabel Hint(ArsFormField field) => Pick(field.HintKo, field.HintEn);

    public ArsLabel Label(ArsOption option) => Pick(option.LabelKo, option.LabelEn);

    public static string NodeUrl(ArsNode node, ArsMenu menu) =>
        node.Id == menu.RootId ? "/ars" : $"/ars/n/{Uri.EscapeDataString(node.Id)}";

    private static string WithLang(string url, string language) =>
        language == "ko" ? url : url + (url.Contains('?') ? "&lang=" : "?lang=") + language;
}
