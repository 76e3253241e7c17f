using System.Collections.Frozen;
using Minwon.Server.Features.Languages;

namespace Minwon.Server.Features.VisualArs;

/// <summary>
/// Fixed words of the citizen /ars pages (menu text itself comes from the menu) in each language with a resource file,
/// Features/Languages/Resources/ars-{language}.json: flat key/text JSON a translator edits without touching code,
/// "{name}" placeholders filled in. A key missing from a foreign-language file falls back to English, then to Korean.
/// </summary>
public static class ArsText
{
    private static readonly FrozenDictionary<string, FrozenDictionary<string, string>> Texts = Load();

    /// <summary>Languages /ars can be shown in: Korean, English, then the others by code.</summary>
    public static IReadOnlyList<string> Languages { get; } = TextResources.Ordered(Texts.Keys);

    public static bool Supports(string language) => Texts.ContainsKey(language);

    /// <summary>"zh-CN", "ZH", "zh-Hans" → "zh"; Korean for a language /ars has no file for (or none asked).</summary>
    public static string LanguageFor(string? requested) =>
        CitizenLanguages.Normalize(requested) is var language && Texts.ContainsKey(language) ? language : "ko";

    public static string T(string key, string language, params (string Name, string Value)[] values)
    {
        var text = (Texts.TryGetValue(language, out var own) ? own.GetValueOrDefault(key) : null)
            ?? (language == "ko" ? null : Texts["en"].GetValueOrDefault(key))
            ?? Texts["ko"].GetValueOrDefault(key)
            ?? key;
        return TextResources.Fill(text, values);
    }

    /// <summary>The keys of the Korean file, which every other file should have too.</summary>
    public static IReadOnlyCollection<string> Keys => Texts["ko"].Keys;

    /// <summary>The keys a language's own file has (empty when it has none).</summary>
    public static IReadOnlyCollection<string> KeysOf(string language) =>
        Texts.TryGetValue(language, out var own) ? own.Keys : [];

    private static FrozenDictionary<string, FrozenDictionary<string, string>> Load()
    {
        var result = TextResources.Load("ars");
        if (!result.ContainsKey("ko") || !result.ContainsKey("en"))
        {
            throw new InvalidOperationException("ars-ko.json and ars-en.json must be embedded (Features/Languages/Resources).");
        }

        return result;
    }
}
