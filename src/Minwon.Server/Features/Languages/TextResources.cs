using System.Collections.Frozen;
using System.Text.Json;

namespace Minwon.Server.Features.Languages;

/// <summary>
/// The translator-edited text files of Features/Languages/Resources ({set}-{language}.json, flat key/text JSON embedded
/// as Minwon.Server.Languages.*): loaded once per set, shared by <see cref="CitizenText"/> and VisualArs.ArsText.
/// </summary>
internal static class TextResources
{
    /// <summary>Every file of the set, by language; each file's texts by key.</summary>
    public static FrozenDictionary<string, FrozenDictionary<string, string>> Load(string set)
    {
        var assembly = typeof(TextResources).Assembly;
        var prefix = $"Minwon.Server.Languages.{set}-";
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

    /// <summary>Korean, English, then the other languages by code.</summary>
    public static IReadOnlyList<string> Ordered(IEnumerable<string> languages) =>
        [.. languages.OrderBy(l => l == "ko" ? 0 : l == "en" ? 1 : 2).ThenBy(l => l, StringComparer.Ordinal)];

    /// <summary>Fills the "{name}" placeholders of <paramref name="text"/>.</summary>
    public static string Fill(string text, (string Name, string Value)[] values)
    {
        foreach (var (name, value) in values)
        {
            text = text.Replace("{" + name + "}", value, StringComparison.Ordinal);
        }

        return text;
    }
}
