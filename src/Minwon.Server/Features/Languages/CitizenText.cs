using System.Collections.Frozen;
using System.Text.Json;

namespace Minwon.Server.Features.Languages;

/// <summary>
/// Citizen-facing messages the server writes into a conversation (greeting, hand-off, queue, closing, notices) in each
/// language with a resource file, Features/Languages/Resources/citizen-{language}.json: flat key/text JSON a translator
/// edits without touching code; "{name}" placeholders are filled in. A language without a file falls back to English
/// (a foreign resident reads it more likely than Korean), a key missing from a file to the Korean text.
/// </summary>
public static class CitizenText
{
    private static readonly FrozenDictionary<string, FrozenDictionary<string, string>> Texts = Load();

    /// <summary>Languages with a resource file, Korean first.</summary>
    public static IReadOnlyList<string> Languages { get; } =
        [.. Texts.Keys.OrderBy(l => l == "ko" ? 0 : l == "en" ? 1 : 2).ThenBy(l => l, StringComparer.Ordinal)];

    public static bool HasResources(string language) => Texts.ContainsKey(language);

    /// <summary>The resource language used for <paramref name="language"/>: itself, or English for a foreign language without a file.</summary>
    public static string ResourceLanguage(string language) => Texts.ContainsKey(language) ? language : language == "ko" ? "ko" : "en";

    public static string Get(string language, string key, params (string Name, string Value)[] values)
    {
        var text = Texts[ResourceLanguage(language)].GetValueOrDefault(key) ?? Texts["ko"].GetValueOrDefault(key)
            ?? throw new KeyNotFoundException($"citizen text '{key}' is in no resource file");
        foreach (var (name, value) in values)
        {
            text = text.Replace("{" + name + "}", value, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>The language's own name ("中文"), or the code when no resource file names it.</summary>
    public static string NameOf(string language) =>
        Texts.TryGetValue(language, out var t) && t.TryGetValue("languageName", out var name) ? name : language;

    private static FrozenDictionary<string, FrozenDictionary<string, string>> Load()
    {
        var assembly = typeof(CitizenText).Assembly;
        const string prefix = "Minwon.Server.Languages.citizen-";
        var result = new Dictionary<string, FrozenDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            var texts = JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
                ?? throw new InvalidOperationException($"{name} is empty");
            result[name[prefix.Length..^".json".Length]] = texts.ToFrozenDictionary(StringComparer.Ordinal);
        }

        return result.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
