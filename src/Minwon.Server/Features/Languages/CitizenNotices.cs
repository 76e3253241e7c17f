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
public sealed class CitizenNotices(ITranslator translator, NoticeTranslations translations)
{
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

        if (translations.Find(notice, language) is { } cached)
        {
            return cached;
        }

        var text = await translator.TranslateAsync(notice.Text, "ko", language, ct);
        // A failing service, or an answer far longer than the notice could be, is no translation: the original is shown.
        if (string.IsNullOrWhiteSpace(text) || text.Length > 4 * Notice.MaxTextLength)
        {
            return null;
        }

        translations.Keep(notice, language, text.Trim());
        return text.Trim();
    }
}

/// <summary>
/// The node's translations of notices (one singleton, not a static: each app has its own), by notice, language and the
/// notice's text: every chat in that language reads the same translation, and a notice whose text is changed is
/// translated again instead of showing the old translation (the text is part of the key, so no edit path has to
/// remember to invalidate it). Bounded: emptied when it holds <see cref="Limit"/> translations.
/// </summary>
public sealed class NoticeTranslations
{
    public const int Limit = 2_000;

    private readonly ConcurrentDictionary<(Guid Notice, string Language, string Text), string> translated = new();

    public int Count => translated.Count;

    public string? Find(ActiveNotice notice, string language) => translated.GetValueOrDefault((notice.Id, language, notice.Text));

    public void Keep(ActiveNotice notice, string language, string translation)
    {
        if (translated.Count >= Limit)
        {
            translated.Clear();
        }

        translated[(notice.Id, language, notice.Text)] = translation;
    }
}
