namespace Minwon.Core.Voice;

/// <summary>DTMF digits: validation, in-band tone generation (for transports that carry only audio) and detection.</summary>
public static class Dtmf
{
    public const string Digits = "0123456789*#ABCD";

    private static readonly int[] Rows = [697, 770, 852, 941];
    private static readonly int[] Columns = [1209, 1336, 1477, 1633];
    private const string Keypad = "123A456B789C*0#D";

    public static bool IsDigit(char c) => Digits.Contains(c);

    /// <summary>The two frequencies of a digit.</summary>
    public static (int Low, int High) Frequencies(char digit)
    {
        var index = Keypad.IndexOf(char.ToUpperInvariant(digit));
        if (index < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(digit), digit, "Not a DTMF digit.");
        }

        return (Rows[index / 4], Columns[index % 4]);
    }

    /// <summary>A tone of the given length at about −10 dBFS per component, with 5 ms ramps against clicks.</summary>
    public static short[] Tone(char digit, int sampleRate, int milliseconds = 100)
    {
        var (low, high) = Frequencies(digit);
        var n = sampleRate * milliseconds / 1000;
        var ramp = Math.Max(1, sampleRate / 200);
        var tone = new short[n];
        for (var i = 0; i < n; i++)
        {
            var t = (double)i / sampleRate;
            var envelope = Math.Min(1.0, Math.Min(i, n - 1 - i) / (double)ramp);
            var v = 0.3 * (Math.Sin(2 * Math.PI * low * t) + Math.Sin(2 * Math.PI * high * t));
            tone[i] = (short)(v * envelope * 32767);
        }

        return tone;
    }

    /// <summary>
    /// The digit whose two tones dominate the block (Goertzel), or null. A block of at least 10 ms is needed;
    /// speech and silence give null because both tones must hold most of the block's energy.
    /// </summary>
    public static char? Detect(ReadOnlySpan<short> block, int sampleRate)
    {
        if (block.Length < sampleRate / 100)
        {
            return null;
        }

        double total = 0;
        foreach (var s in block)
        {
            total += (double)s * s;
        }

        if (total <= 0)
        {
            return null;
        }

        var row = Strongest(block, sampleRate, Rows, out var rowPower);
        var column = Strongest(block, sampleRate, Columns, out var columnPower);
        // Goertzel power of a pure tone is about N/2 * energy of the tone; compare with the block's energy.
        var rowShare = 2 * rowPower / (block.Length * total);
        var columnShare = 2 * columnPower / (block.Length * total);
        return rowShare > 0.2 && columnShare > 0.2 && rowShare + columnShare > 0.6 ? Keypad[row * 4 + column] : null;
    }

    private static int Strongest(ReadOnlySpan<short> block, int sampleRate, int[] frequencies, out double power)
    {
        var best = 0;
        power = 0;
        for (var f = 0; f < frequencies.Length; f++)
        {
            var p = Goertzel(block, sampleRate, frequencies[f]);
            if (p > power)
            {
                power = p;
                best = f;
            }
        }

        return best;
    }

    private static double Goertzel(ReadOnlySpan<short> block, int sampleRate, int frequency)
    {
        var coefficient = 2 * Math.Cos(2 * Math.PI * frequency / sampleRate);
        double s1 = 0, s2 = 0;
        foreach (var x in block)
        {
            var s0 = x + coefficient * s1 - s2;
            s2 = s1;
            s1 = s0;
        }

        return s1 * s1 + s2 * s2 - coefficient * s1 * s2;
    }
}
