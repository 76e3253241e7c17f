namespace Minwon.Core.TextSafety;

/// <summary>
/// Text reduced to what abuse matching looks at, with a map back to the original: <see cref="Starts"/>[i] and
/// <see cref="Ends"/>[i] are the original UTF-16 range of normalised character i, and <see cref="WordStart"/>[i]
/// says whether spaces or symbols were skipped just before it.
/// </summary>
internal sealed class NormalizedText(char[] chars, int[] starts, int[] ends, bool[] wordStart, int length)
{
    private string? flat;

    public char[] Chars { get; } = chars;

    public int[] Starts { get; } = starts;

    public int[] Ends { get; } = ends;

    public bool[] WordStart { get; } = wordStart;

    public int Length { get; } = length;

    /// <summary>The normalised characters as one string, built once: a line's co-occurrence rules, complaint guard and stacked cues each read it.</summary>
    public override string ToString() => flat ??= new(Chars, 0, Length);
}
