using Minwon.Core.Voice;

namespace Minwon.Core.Tests.Voice;

public sealed class AudioSocketCodecTests
{
    public static TheoryData<string, byte[], AudioSocketRead, int> Buffers => new()
    {
        { "empty buffer", [], AudioSocketRead.NeedMore, 0 },
        { "type byte only", [0x10], AudioSocketRead.NeedMore, 0 },
        { "half a length", [0x10, 0x01], AudioSocketRead.NeedMore, 0 },
        { "hang-up without payload", [0x00, 0x00, 0x00], AudioSocketRead.Frame, 0 },
        { "payload still arriving", [0x10, 0x01, 0x40, 1, 2, 3], AudioSocketRead.NeedMore, 320 },
        { "a DTMF digit", [0x03, 0x00, 0x01, (byte)'5'], AudioSocketRead.Frame, 1 },
        { "a frame followed by the next one", [0x03, 0x00, 0x01, (byte)'#', 0x00, 0x00, 0x00], AudioSocketRead.Frame, 1 },
        { "length beyond the limit", [0x10, 0x10, 0x00], AudioSocketRead.TooLarge, 4096 },
        { "largest length field", [0x10, 0xFF, 0xFF], AudioSocketRead.TooLarge, 65535 },
        { "unknown type is still framed", [0x42, 0x00, 0x02, 9, 9], AudioSocketRead.Frame, 2 },
    };

    [Theory]
    [MemberData(nameof(Buffers))]
    public void Reads_frame_boundaries(string why, byte[] buffer, AudioSocketRead expected, int length)
    {
        var result = AudioSocketCodec.TryRead(buffer, maxPayload: 2048, out _, out var payload);
        Assert.True(expected == result, why);
        Assert.Equal(length, payload);
    }

    [Fact]
    public void A_uuid_frame_carries_the_uuid_in_network_byte_order()
    {
        var id = Guid.Parse("40b5bd13-0a74-4d5e-b0f3-3a9b1e6c0a01");
        var frame = AudioSocketCodec.UuidFrame(id);

        Assert.Equal([0x01, 0x00, 0x10, 0x40, 0xB5, 0xBD, 0x13, 0x0A, 0x74], frame[..9]);
        Assert.True(AudioSocketCodec.TryReadUuid(frame.AsSpan(3), out var back));
        Assert.Equal(id, back);
        Assert.False(AudioSocketCodec.TryReadUuid(frame.AsSpan(3, 15), out _));
    }

    [Fact]
    public void An_audio_frame_is_little_endian_slin_with_a_big_endian_length()
    {
        var frame = AudioSocketCodec.AudioFrame([1, -2, 0x1234], 8000);

        Assert.Equal([0x10, 0x00, 0x06, 0x01, 0x00, 0xFE, 0xFF, 0x34, 0x12], frame);
        Assert.Equal([1, -2, 0x1234], Pcm.FromBytes(frame.AsSpan(3)));
    }

    [Theory]
    [InlineData(AudioSocketKind.Slin8, 8000)]
    [InlineData(AudioSocketKind.Slin12, 12000)]
    [InlineData(AudioSocketKind.Slin16, 16000)]
    [InlineData(AudioSocketKind.Slin24, 24000)]
    [InlineData(AudioSocketKind.Slin32, 32000)]
    [InlineData(AudioSocketKind.Slin44, 44100)]
    [InlineData(AudioSocketKind.Slin48, 48000)]
    public void Audio_types_map_to_their_rates_both_ways(AudioSocketKind kind, int rate)
    {
        Assert.Equal(rate, AudioSocketCodec.SampleRate(kind));
        Assert.Equal(kind, AudioSocketCodec.AudioKind(rate));
        Assert.True(AudioSocketCodec.IsKnown(kind));
    }

    [Fact]
    public void Control_and_unknown_types_carry_no_audio()
    {
        Assert.Equal(0, AudioSocketCodec.SampleRate(AudioSocketKind.Dtmf));
        Assert.Equal(0, AudioSocketCodec.SampleRate(AudioSocketKind.Error));
        Assert.False(AudioSocketCodec.IsKnown((AudioSocketKind)0x42));
        Assert.Throws<ArgumentOutOfRangeException>(() => AudioSocketCodec.AudioKind(11025));
    }

    [Fact]
    public void Writing_refuses_a_payload_the_length_field_cannot_hold()
    {
        var big = new byte[70_000];
        Assert.Throws<ArgumentOutOfRangeException>(() => AudioSocketCodec.Frame(AudioSocketKind.Slin8, big));
    }
}
