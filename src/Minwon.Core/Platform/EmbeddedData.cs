using System.Reflection;

namespace Minwon.Core.Platform;

/// <summary>
/// Reads the reference lists compiled into this assembly (see data-seed/README.md for sources and licences).
/// Names are relative to the data-seed folder with '/' replaced by '.', e.g. "korean.J.csv".
/// </summary>
public static class EmbeddedData
{
    private static readonly Assembly Assembly = typeof(EmbeddedData).Assembly;

    public static IEnumerable<string> ReadLines(string name)
    {
        using var stream = Assembly.GetManifestResourceStream("Minwon.Core.Data." + name)
            ?? throw new InvalidOperationException($"Embedded data '{name}' is missing from Minwon.Core.");
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            yield return line;
        }
    }

    /// <summary>First CSV column of a mecab-ko-dic list (the surface form), distinct, in file order.</summary>
    public static IReadOnlyList<string> MecabSurfaces(string list) =>
        ReadLines($"korean.{list}.csv")
            .Select(line => line.Split(',', 2)[0].Trim())
            .Where(surface => surface.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();
}
