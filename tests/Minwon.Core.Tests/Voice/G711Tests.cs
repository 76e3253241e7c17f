using Minwon.Core.Voice;

namespace Minwon.Core.Tests.Voice;

public sealed class G711Tests
{
    // Reference values of ITU-T G.711 as produced by the G.191 software tools' g711.c (cross-checked with CPython's
    // audioop, which implements the same algorithm).
    public static TheoryData<short, byte> MuLawEncodings => new()
    {
        { 0, 0xFF }, { -1, 0x7E }, { 1, 0xFF }, { 4, 0xFE }, { -4, 0x7E }, { 100, 0xF2 }, { 1000, 0xCE },
        { -1000, 0x4E }, { 8000, 0xA0 }, { 32124, 0x80 }, { 32767, 0x80 }, { -32768, 0x00 },
    };

    public static TheoryData<byte, short> MuLawDecodings => new()
    {
        { 0xFF, 0 }, { 0x7F, 0 }, { 0x80, 32124 }, { 0x00, -32124 }, { 0xF0, 120 }, { 0xCE, 988 }, { 0x9C, 9852 },
    };

    public static TheoryData<short, byte> ALawEncodings => new()
    {
        { 0, 0xD5 }, { -1, 0x55 }, { 8, 0xD5 }, { 16, 0xD4 }, { 1000, 0xFA }, { -1000, 0x7A }, { 32767, 0xAA }, { -32768, 0x2A },
    };

    public static TheoryData<byte, short> ALawDecodings => new()
    {
        { 0xD5, 8 }, { 0x55, -8 }, { 0xAA, 32256 }, { 0x2A, -32256 }, { 0xFA, 1008 },
    };

    [Theory]
    [MemberData(nameof(MuLawEncodings))]
    public void Mu_law_encodes_like_the_reference(short sample, byte code) => Assert.Equal(code, G711.EncodeMuLaw(sample));

    [Theory]
    [MemberData(nameof(MuLawDecodings))]
    public void Mu_law_decodes_like_the_reference(byte code, short sample) => Assert.Equal(sample, G711.DecodeMuLaw(code));

    [Theory]
    [MemberData(nameof(ALawEncodings))]
    public void A_law_encodes_like_the_reference(short sample, byte code) => Assert.Equal(code, G711.EncodeALaw(sample));

    [Theory]
    [MemberData(nameof(ALawDecodings))]
    public void A_law_decodes_like_the_reference(byte code, short sample) => Assert.Equal(sample, G711.DecodeALaw(code));

    [Fact]
    public void The_tables_agree_with_the_reference_algorithm_for_every_16_bit_sample()
    {
        for (int s = short.MinValue; s <= short.MaxValue; s++)
        {
            Assert.Equal(G711.LinearToMuLaw((short)s), G711.EncodeMuLaw((short)s));
            Assert.Equal(G711.LinearToALaw((short)s), G711.EncodeALaw((short)s));
        }
    }

    [Fact]
    public void Round_trip_error_stays_within_half_a_quantisation_step_of_each_segment()
    {
        for (int s = short.MinValue; s <= short.MaxValue; s++)
        {
            var mu = G711.DecodeMuLaw(G711.EncodeMuLaw((short)s));
            var a = G711.DecodeALaw(G711.EncodeALaw((short)s));
            var magnitude = Math.Abs(s);
            // Steps double per segment (a sample at a segment's edge may decode into the next one): μ-law from 8 (16-bit scale) up to 1024, A-law from 16 up to 1024; beyond the
            // largest code (32124 / 32256) the error is the clipping distance.
            Assert.True(Math.Abs(mu - s) <= Math.Max(Math.Max(MuStep(magnitude), MuStep(Math.Abs((int)mu))) / 2 + 4, magnitude - 32124 + 4), $"μ-law {s} -> {mu}");
            Assert.True(Math.Abs(a - s) <= Math.Max(Math.Max(AStep(magnitude), AStep(Math.Abs((int)a))) / 2 + 8, magnitude - 32256 + 8), $"A-law {s} -> {a}");
        }
    }

    [Theory]
    [InlineData(1000, -10.0)]
    [InlineData(440, -20.0)]
    [InlineData(3000, -30.0)]
    public void A_tone_keeps_a_signal_to_noise_ratio_above_33_dB_through_either_law(int frequency, double dbfs)
    {
        var amplitude = 32767 * Math.Pow(10, dbfs / 20) * Math.Sqrt(2);
        var tone = Enumerable.Range(0, 8000).Select(i => (short)(amplitude * Math.Sin(2 * Math.PI * frequency * i / 8000))).ToArray();
        var codes = new byte[tone.Length];
        var back = new short[tone.Length];
        foreach (var law in new[] { "mu", "a" })
        {
            if (law == "mu")
            {
                G711.EncodeMuLaw(tone, codes);
                G711.DecodeMuLaw(codes, back);
            }
            else
            {
                G711.EncodeALaw(tone, codes);
                G711.DecodeALaw(codes, back);
            }

            double signal = 0, noise = 0;
            for (var i = 0; i < tone.Length; i++)
            {
                signal += (double)tone[i] * tone[i];
                noise += (double)(tone[i] - back[i]) * (tone[i] - back[i]);
            }

            var snr = 10 * Math.Log10(signal / noise);
            Assert.True(snr > 33, $"{law}-law SNR {snr:F1} dB at {frequency} Hz, {dbfs} dBFS");
        }
    }

    private static int MuStep(int magnitude) => magnitude switch
    {
        < 124 => 8, < 380 => 16, < 892 => 32, < 1916 => 64, < 3964 => 128, < 8060 => 256, < 16252 => 512, _ => 1024,
    };

    private static int AStep(int magnitude) => magnitude switch
    {
        < 512 => 16, < 1024 => 32, < 2048 => 64, < 4096 => 128, < 8192 => 256, < 16384 => 512, _ => 1024,
    };
}
