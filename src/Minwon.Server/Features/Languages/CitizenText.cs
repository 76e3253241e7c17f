using System.Collections.Frozen;

namespace Minwon.Server.Features.Languages;

/// <summary>
/// Citizen-facing messages the server writes into a conversation (greeting, hand-off, queue, closing, notices) in each
/// language with a resource file, Features/Languages/Resources/citizen-{language}.json: flat key/text JSON a translator
/// edits without touching code; "{name}" placeholders are filled in. A language without a file falls back to English
/// (a foreign resident reads it more likely than Korean), a key missing from a file to the Korean text.
/// </summary>
public static class CitizenText
{
    private static readonly FrozenDictionary<string, FrozenDictionary<string, string>> Texts = TextResources.Load("citizen");

    /// <summary>Languages with a resource file, Korean first.</summary>
    public static IReadOnlyList<string> Languages { get; } = TextResources.Ordered(Texts.Keys);

    public static bool HasResources(string language) => Texts.ContainsKey(language);

    /// <summary>The resource language used for <paramref name="language"/>: itself, or English for a foreign language without a file.</summary>
    public static string ResourceLanguage(string language) => Texts.ContainsKey(language) ? language : language == "ko" ? "ko" : "en";

    public static string Get(string language, string key, params (string Name, string Value)[] values)
    {
        var text = Texts[ResourceLanguage(language)].GetValueOrDefault(key) ?? Texts["ko"].GetValueOrDefault(key)
            ?? throw new KeyNotFoundException($"citizen text '{key}' is in no resource file");
        return TextResources.Fill(text, values);
    }

    /// <summary>The language's own name ("中文"), or the code when no resource file names it.</summary>
    public static string NameOf(string language) =>
        Texts.TryGetValue(language, out var t) && t.TryGetValue("languageName", out var name) ? name : language;
}
