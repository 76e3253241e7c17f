using System.Collections.Concurrent;
using Minwon.Server.Features.IssueAlerting;

namespace Minwon.Server.Features.Languages;

/// <summary>
/// The issue alerter's notices as a chat in the citizen's language shows them (issue 16). A supervisor writes a notice in
/// Korean free text; a Korean chat gets it as written ("[안내] …"). A chat in another language gets the label and the
/// sentence around it from the resource files, and the free text either machine-translated (translation seam configured),
/// labelled as such in the citizen's language and in Korean, with the Korean original kept below it, or, without a
/// translation, the Korean original labelled as not translated.
/// </summary>
public sealed class CitizenNotices(ITranslator translator)
{
    /// <summary>Translations by notice and language: every chat in that language reads the same text; a notice never changes.</summary>
    private static readonly ConcurrentDictionary<(Guid Notice, string Language), string> Translated = new();

    private const int CacheLimit = 2_000;

    public async Task<string> RenderAsync(string language, ActiveNotice notice, CancellationToken ct)
    {
        if (language == "ko")
        {
            return CitizenText.Get("ko", "notice") + " " + notice.Text;
        }

        var label = CitizenText.Get(language, "notice");
        if (await TranslateAsync(language, notice, ct) is { } translated)
        {
            return $"{label} [{CitizenText.Get(language, "machineTranslated")} · {CitizenText.Get("ko", "machineTranslated")}] {translated}\n\n"
                + $"[원문] {notice.Text}";
        }

        return $"{label} {CitizenText.Get(language, "noticeNotTranslated")}\n{notice.Text}";
    }

    private async Task<string?> TranslateAsync(string language, ActiveNotice notice, CancellationToken ct)
    {
        if (!translator.IsEnabled)
        {
            return null;
        }

        var key = (notice.Id, language);
        if (Translated.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var text = await translator.TranslateAsync(notice.Text, "ko", language, ct);
        // A failing service, or an answer far longer than the notice could be, is no translation: the original is shown.
        if (string.IsNullOrWhiteSpace(text) || text.Length > 4 * Notice.MaxTextLength)
        {
            return null;
        }

        if (Translated.Count >= CacheLimit)
        {
            Translated.Clear();
        }

        Translated[key] = text.Trim();
        return text.Trim();
    }
}
