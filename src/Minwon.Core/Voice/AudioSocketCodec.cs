using System.Buffers.Binary;

namespace Minwon.Core.Voice;

/// <summary>What <see cref="AudioSocketCodec.TryRead"/> found at the start of a buffer.</summary>
public enum AudioSocketRead
{
    /// <summary>A whole frame: its kind and payload length are set.</summary>
    Frame,

    /// <summary>The buffer ends inside a header or payload; read more.</summary>
    NeedMore,

    /// <summary>The header announces a payload longer than the limit; the stream cannot be trusted any further.</summary>
    TooLarge,
}

/// <summary>
/// AudioSocket framing: 1-byte type, 2-byte big-endian payload length, payload. Pure functions over spans, so the
/// TCP server, the test client and the benchmark share one implementation of the wire format.
/// </summary>
public static class AudioSocketCodec
{
    public const int HeaderSize = 3;

    /// <summary>The largest payload the length field can carry.</summary>
    public const int MaxPayload = ushort.MaxValue;

    public static AudioSocketRead TryRead(ReadOnlySpan<byte> buffer, int maxPayload, out AudioSocketKind kind, out int payloadLength)
    {
        kind = default;
        payloadLength = 0;
        if (buffer.Length < HeaderSize)
        {
            return AudioSocketRead.NeedMore;
        }

        kind = (AudioSocketKind)buffer[0];
        payloadLength = BinaryPrimitives.ReadUInt16BigEndian(buffer[1..]);
        if (payloadLength > maxPayload)
        {
            return AudioSocketRead.TooLarge;
        }

        return buffer.Length >= HeaderSize + payloadLength ? AudioSocketRead.Frame : AudioSocketRead.NeedMore;
    }

    /// <summary>Writes one frame; returns the bytes written (header plus payload).</summary>
    public static int Write(Span<byte> destination, AudioSocketKind kind, ReadOnlySpan<byte> payload)
    {
        if (payload.Length > MaxPayload)
        {
            throw new ArgumentOutOfRangeException(nameof(payload), "An AudioSocket payload is at most 65,535 bytes.");
        }

        destination[0] = (byte)kind;
        BinaryPrimitives.WriteUInt16BigEndian(destination[1..], (ushort)payload.Length);
        payload.CopyTo(destination[HeaderSize..]);
        return HeaderSize + payload.Length;
    }

    /// <summary>An audio frame from PCM samples (little-endian on the wire, as Asterisk's slin).</summary>
    public static byte[] AudioFrame(ReadOnlySpan<short> samples, int sampleRate)
    {
        var frame = new byte[HeaderSize + samples.Length * 2];
        frame[0] = (byte)AudioKind(sampleRate);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(1), (ushort)(samples.Length * 2));
        Pcm.ToBytes(samples, frame.AsSpan(HeaderSize));
        return frame;
    }

    public static byte[] Frame(AudioSocketKind kind, ReadOnlySpan<byte> payload)
    {
        var frame = new byte[HeaderSize + payload.Length];
        Write(frame, kind, payload);
        return frame;
    }

    public static byte[] UuidFrame(Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes, bigEndian: true, out _);
        return Frame(AudioSocketKind.Uuid, bytes);
    }

    /// <summary>The UUID payload, read in network (RFC 4122) byte order as Asterisk sends it.</summary>
    public static bool TryReadUuid(ReadOnlySpan<byte> payload, out Guid id)
    {
        if (payload.Length != 16)
        {
            id = Guid.Empty;
            return false;
        }

        id = new Guid(payload, bigEndian: true);
        return true;
    }

    /// <summary>Sample rate of an audio kind, or 0 when the kind carries no audio.</summary>
    public static int SampleRate(AudioSocketKind kind) => kind switch
    {
        AudioSocketKind.Slin8 => 8000,
        AudioSocketKind.Slin12 => 12000,
        AudioSocketKind.Slin16 => 16000,
        AudioSocketKind.Slin24 => 24000,
        AudioSocketKind.Slin32 => 32000,
        AudioSocketKind.Slin44 => 44100,
        AudioSocketKind.Slin48 => 48000,
        _ => 0,
    };

    public static AudioSocketKind AudioKind(int sampleRate) => sampleRate switch
    {
        8000 => AudioSocketKind.Slin8,
        12000 => AudioSocketKind.Slin12,
        16000 => AudioSocketKind.Slin16,
        24000 => AudioSocketKind.Slin24,
        32000 => AudioSocketKind.Slin32,
        44100 => AudioSocketKind.Slin44,
        48000 => AudioSocketKind.Slin48,
        _ => throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, "AudioSocket has no frame type for this rate."),
    };

    public static bool IsKnown(AudioSocketKind kind) =>
        kind is AudioSocketKind.Hangup or AudioSocketKind.Uuid or AudioSocketKind.Silence or AudioSocketKind.Dtmf
            or AudioSocketKind.Error || SampleRate(kind) > 0;
}
