namespace Minwon.Core.Voice;

/// <summary>
/// ITU-T G.711 μ-law and A-law, table-driven. Decoding is a 256-entry table per law; encoding indexes a table by
/// the top 14 (μ-law) or 13 (A-law) bits of the linear sample, which is exactly the precision the laws keep, so the
/// tables give the same codes as the reference algorithm (ITU-T G.191 g711.c) for every 16-bit input.
/// </summary>
public static class G711
{
    private static readonly short[] MuDecode = new short[256];
    private static readonly short[] ADecode = new short[256];
    private static readonly byte[] MuEncode = new byte[1 << 14];
    private static readonly byte[] AEncode = new byte[1 << 13];

    static G711()
    {
        for (var i = 0; i < 256; i++)
        {
            MuDecode[i] = MuLawToLinear((byte)i);
            ADecode[i] = ALawToLinear((byte)i);
        }

        for (var i = 0; i < MuEncode.Length; i++)
        {
            // Index = the 14-bit sample (two's complement), reconstructed to 16 bits.
            MuEncode[i] = LinearToMuLaw((short)(i << 2));
        }

        for (var i = 0; i < AEncode.Length; i++)
        {
            AEncode[i] = LinearToALaw((short)(i << 3));
        }
    }

    public static byte EncodeMuLaw(short sample) => MuEncode[(ushort)sample >> 2];

    public static short DecodeMuLaw(byte code) => MuDecode[code];

    public static byte EncodeALaw(short sample) => AEncode[(ushort)sample >> 3];

    public static short DecodeALaw(byte code) => ADecode[code];

    public static void EncodeMuLaw(ReadOnlySpan<short> pcm, Span<byte> codes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(codes.Length, pcm.Length);
        for (var i = 0; i < pcm.Length; i++)
        {
            codes[i] = MuEncode[(ushort)pcm[i] >> 2];
        }
    }

    public static void DecodeMuLaw(ReadOnlySpan<byte> codes, Span<short> pcm)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pcm.Length, codes.Length);
        for (var i = 0; i < codes.Length; i++)
        {
            pcm[i] = MuDecode[codes[i]];
        }
    }

    public static void EncodeALaw(ReadOnlySpan<short> pcm, Span<byte> codes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(codes.Length, pcm.Length);
        for (var i = 0; i < pcm.Length; i++)
        {
            codes[i] = AEncode[(ushort)pcm[i] >> 3];
        }
    }

    public static void DecodeALaw(ReadOnlySpan<byte> codes, Span<short> pcm)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pcm.Length, codes.Length);
        for (var i = 0; i < codes.Length; i++)
        {
            pcm[i] = ADecode[codes[i]];
        }
    }

    // The reference algorithms (ITU-T G.191 g711.c, after Sun's public-domain code), used only to fill the tables.
    private const int Bias = 0x84;

    internal static byte LinearToMuLaw(short pcm)
    {
        var sample = pcm >> 2;
        int mask;
        if (sample < 0)
        {
            sample = -sample;
            mask = 0x7F;
        }
        else
        {
            mask = 0xFF;
        }

        if (sample > 8159)
        {
            sample = 8159;
        }

        sample += Bias >> 2;
        var segment = 0;
        while (segment < 8 && sample > (0x40 << segment) - 1)
        {
            segment++;
        }

        if (segment >= 8)
        {
            return (byte)(0x7F ^ mask);
        }

        return (byte)(((segment << 4) | ((sample >> (segment + 1)) & 0x0F)) ^ mask);
    }

    internal static short MuLawToLinear(byte code)
    {
        var u = ~code & 0xFF;
        var t = ((u & 0x0F) << 3) + Bias;
        t <<= (u & 0x70) >> 4;
        return (short)((u & 0x80) != 0 ? Bias - t : t - Bias);
    }

    internal static byte LinearToALaw(short pcm)
    {
        int sample = pcm;
        int mask;
        if (sample >= 0)
        {
            mask = 0xD5;
        }
        else
        {
            mask = 0x55;
            sample = -sample - 1;
        }

        // Segment end points of the 13-bit magnitude (the sample >> 3): 0x1F, 0x3F, ... 0xFFF.
        var magnitude = sample >> 3;
        var segment = 0;
        while (segment < 8 && magnitude > (0x20 << segment) - 1)
        {
            segment++;
        }

        if (segment >= 8)
        {
            return (byte)(0x7F ^ mask);
        }

        var aval = segment << 4;
        aval |= segment < 2 ? (magnitude >> 1) & 0x0F : (magnitude >> segment) & 0x0F;
        return (byte)(aval ^ mask);
    }

    internal static short ALawToLinear(byte code)
    {
        var a = code ^ 0x55;
        var t = (a & 0x0F) << 4;
        var segment = (a & 0x70) >> 4;
        t = segment switch
        {
            0 => t + 8,
            1 => t + 0x108,
            _ => (t + 0x108) << (segment - 1),
        };
        return (short)((a & 0x80) != 0 ? t : -t);
    }
}
