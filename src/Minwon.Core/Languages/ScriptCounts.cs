namespace Minwon.Core.Languages;

/// <summary>How many letters of a text belong to each <see cref="Script"/> (digits, punctuation and emoji are not counted).</summary>
public sealed class ScriptCounts
{
    private readonly int[] counts = new int[Enum.GetValues<Script>().Length];

    public int this[Script script] => counts[(int)script];

    public int Letters { get; private set; }

    public static ScriptCounts Of(string text)
    {
        var result = new ScriptCounts();
        foreach (var rune in text.EnumerateRunes())
        {
            var script = Classify(rune.Value);
            if (script != Script.None)
            {
                result.counts[(int)script]++;
                result.Letters++;
            }
        }

        return result;
    }

    /// <summary>The script with the most letters; Han and kana count together for Japanese (kanji sit among kana).</summary>
    public Script Dominant()
    {
        var best = Script.None;
        var bestCount = 0;
        foreach (var script in Enum.GetValues<Script>())
        {
            var n = script == Script.Han ? this[Script.Han] + this[Script.Kana] : script == Script.Kana ? 0 : this[script];
            if (n > bestCount)
            {
                best = script;
                bestCount = n;
            }
        }

        return best;
    }

    public static Script Classify(int c) => c switch
    {
        >= 0xAC00 and <= 0xD7A3 or >= 0x1100 and <= 0x11FF or >= 0x3130 and <= 0x318F => Script.Hangul,
        >= 0x3041 and <= 0x309F or >= 0x30A0 and <= 0x30FF or >= 0x31F0 and <= 0x31FF or >= 0xFF66 and <= 0xFF9F => Script.Kana,
        >= 0x4E00 and <= 0x9FFF or >= 0x3400 and <= 0x4DBF or >= 0xF900 and <= 0xFAFF or >= 0x20000 and <= 0x2FFFF => Script.Han,
        >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= 0xC0 and <= 0x24F and not (0xD7 or 0xF7) or >= 0x1E00 and <= 0x1EFF => Script.Latin,
        >= 0x0400 and <= 0x04FF or >= 0x0500 and <= 0x052F => Script.Cyrillic,
        >= 0x0E01 and <= 0x0E5B => Script.Thai,
        >= 0x0E81 and <= 0x0EDF => Script.Lao,
        >= 0x1780 and <= 0x17FF => Script.Khmer,
        >= 0x1000 and <= 0x109F => Script.Myanmar,
        >= 0x0600 and <= 0x06FF or >= 0x0750 and <= 0x077F => Script.Arabic,
        >= 0x0900 and <= 0x097F => Script.Devanagari,
        _ => c < 0x10000 && char.IsLetter((char)c) ? Script.Other : Script.None,
    };
}
