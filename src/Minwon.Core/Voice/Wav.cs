using System.Buffers.Binary;

namespace Minwon.Core.Voice;

/// <summary>Canonical 44-byte PCM16 WAV headers, and reading the PCM of a simple WAV (prompts, test speech).</summary>
public static class Wav
{
    public const int HeaderSize = 44;

    public static byte[] Header(int sampleRate, int channels, long dataBytes)
    {
        var h = new byte[HeaderSize];
        var data = (uint)Math.Min(dataBytes, uint.MaxValue - 36);
        "RIFF"u8.CopyTo(h);
        BinaryPrimitives.WriteUInt32LittleEndian(h.AsSpan(4), 36 + data);
        "WAVEfmt "u8.CopyTo(h.AsSpan(8));
        BinaryPrimitives.WriteUInt32LittleEndian(h.AsSpan(16), 16);
        BinaryPrimitives.WriteUInt16LittleEndian(h.AsSpan(20), 1);
        BinaryPrimitives.WriteUInt16LittleEndian(h.AsSpan(22), (ushort)channels);
        BinaryPrimitives.WriteUInt32LittleEndian(h.AsSpan(24), (uint)sampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(h.AsSpan(28), (uint)(sampleRate * channels * 2));
        BinaryPrimitives.WriteUInt16LittleEndian(h.AsSpan(32), (ushort)(channels * 2));
        BinaryPrimitives.WriteUInt16LittleEndian(h.AsSpan(34), 16);
        "data"u8.CopyTo(h.AsSpan(36));
        BinaryPrimitives.WriteUInt32LittleEndian(h.AsSpan(40), data);
        return h;
    }

    /// <summary>
    /// The samples of a PCM16 WAV (first channel when there are several) and its rate. Chunks other than fmt and data
    /// are skipped; espeak-ng and sox write such files.
    /// </summary>
    public static (short[] Samples, int SampleRate, int Channels) Read(ReadOnlySpan<byte> file)
    {
        if (file.Length < 12 || !file[..4].SequenceEqual("RIFF"u8) || !file.Slice(8, 4).SequenceEqual("WAVE"u8))
        {
            throw new FormatException("Not a RIFF/WAVE file.");
        }

        int rate = 0, channels = 0, bits = 0;
        var pos = 12;
        while (pos + 8 <= file.Length)
        {
            var id = file.Slice(pos, 4);
            var size = (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(file[(pos + 4)..]), (uint)(file.Length - pos - 8));
            var body = file.Slice(pos + 8, size);
            if (id.SequenceEqual("fmt "u8))
            {
                if (size < 16)
                {
                    throw new FormatException("The WAV format chunk is truncated.");
                }

                if (BinaryPrimitives.ReadUInt16LittleEndian(body) is not (1 or 0xFFFE))
                {
                    throw new FormatException("Only PCM WAV files are read.");
                }

                channels = BinaryPrimitives.ReadUInt16LittleEndian(body[2..]);
                rate = (int)BinaryPrimitives.ReadUInt32LittleEndian(body[4..]);
                bits = BinaryPrimitives.ReadUInt16LittleEndian(body[14..]);
            }
            else if (id.SequenceEqual("data"u8))
            {
                if (bits != 16 || channels < 1)
                {
                    throw new FormatException("Only 16-bit PCM WAV files are read.");
                }

                var all = Pcm.FromBytes(body);
                if (channels == 1)
                {
                    return (all, rate, 1);
                }

                var mono = new short[all.Length / channels];
                for (var i = 0; i < mono.Length; i++)
                {
                    mono[i] = all[i * channels];
                }

                return (mono, rate, channels);
            }

            pos += 8 + size + (size & 1);
        }

        throw new FormatException("The WAV file has no data chunk.");
    }
}
