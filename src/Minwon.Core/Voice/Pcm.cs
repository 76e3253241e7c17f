using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Minwon.Core.Voice;

/// <summary>PCM16 helpers: 20 ms frames, little-endian bytes, saturation and levels.</summary>
public static class Pcm
{
    public const int FrameMilliseconds = 20;

    public static int SamplesPerFrame(int sampleRate) => sampleRate * FrameMilliseconds / 1000;

    public static short Saturate(int value) => (short)Math.Clamp(value, short.MinValue, short.MaxValue);

    public static void ToBytes(ReadOnlySpan<short> samples, Span<byte> bytes)
    {
        if (BitConverter.IsLittleEndian)
        {
            MemoryMarshal.AsBytes(samples).CopyTo(bytes);
            return;
        }

        for (var i = 0; i < samples.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(bytes[(i * 2)..], samples[i]);
        }
    }

    public static byte[] ToBytes(ReadOnlySpan<short> samples)
    {
        var bytes = new byte[samples.Length * 2];
        ToBytes(samples, bytes);
        return bytes;
    }

    /// <summary>Little-endian bytes to samples; an odd trailing byte is ignored.</summary>
    public static void FromBytes(ReadOnlySpan<byte> bytes, Span<short> samples)
    {
        var count = bytes.Length / 2;
        if (BitConverter.IsLittleEndian)
        {
            MemoryMarshal.Cast<byte, short>(bytes[..(count * 2)]).CopyTo(samples);
            return;
        }

        for (var i = 0; i < count; i++)
        {
            samples[i] = BinaryPrimitives.ReadInt16LittleEndian(bytes[(i * 2)..]);
        }
    }

    public static short[] FromBytes(ReadOnlySpan<byte> bytes)
    {
        var samples = new short[bytes.Length / 2];
        FromBytes(bytes, samples);
        return samples;
    }

    /// <summary>Root mean square level, 0..32768.</summary>
    public static double Rms(ReadOnlySpan<short> samples)
    {
        if (samples.IsEmpty)
        {
            return 0;
        }

        double sum = 0;
        foreach (var s in samples)
        {
            sum += (double)s * s;
        }

        return Math.Sqrt(sum / samples.Length);
    }

    /// <summary>Level relative to full scale; silence is -120 dBFS.</summary>
    public static double Dbfs(ReadOnlySpan<short> samples)
    {
        var rms = Rms(samples);
        return rms <= 0 ? -120 : 20 * Math.Log10(rms / 32768.0);
    }

    /// <summary>Whether a frame carries sound above a floor (−50 dBFS by default, well above G.711 idle noise).</summary>
    public static bool IsSilent(ReadOnlySpan<short> samples, double floorDbfs = -50) => Dbfs(samples) < floorDbfs;

    /// <summary>Scales in place (gain in dB), saturating.</summary>
    public static void Gain(Span<short> samples, double db)
    {
        var factor = Math.Pow(10, db / 20);
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = Saturate((int)Math.Round(samples[i] * factor));
        }
    }
}
