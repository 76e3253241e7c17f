using Minwon.Core.Voice;

namespace Minwon.Core.Tests.Voice;

public sealed class DtmfAndResamplerTests
{
    [Theory]
    [InlineData(8000)]
    [InlineData(16000)]
    public void Every_generated_digit_is_detected_as_itself(int rate)
    {
        foreach (var digit in Dtmf.Digits)
        {
            var tone = Dtmf.Tone(digit, rate, 60);
            Assert.Equal(digit, Dtmf.Detect(tone.AsSpan(rate / 200, rate / 25), rate));
        }
    }

    [Fact]
    public void Silence_noise_and_a_single_tone_are_not_digits()
    {
        var random = new Random(7);
        var noise = Enumerable.Range(0, 320).Select(_ => (short)random.Next(-8000, 8000)).ToArray();
        var tone = Enumerable.Range(0, 320).Select(i => (short)(10000 * Math.Sin(2 * Math.PI * 697 * i / 8000))).ToArray();

        Assert.Null(Dtmf.Detect(new short[320], 8000));
        Assert.Null(Dtmf.Detect(noise, 8000));
        Assert.Null(Dtmf.Detect(tone, 8000));
        Assert.Throws<ArgumentOutOfRangeException>(() => Dtmf.Tone('x', 8000));
    }

    [Theory]
    [InlineData(8000, 16000, 1000)]
    [InlineData(16000, 8000, 1000)]
    [InlineData(48000, 16000, 440)]
    [InlineData(44100, 8000, 700)]
    public void Resampling_gives_one_frame_per_frame_and_keeps_a_tone_at_its_pitch_and_level(int from, int to, int frequency)
    {
        var resampler = new FrameResampler(from, to);
        var inFrame = Pcm.SamplesPerFrame(from);
        var output = new List<short>();
        for (var f = 0; f < 50; f++)
        {
            var frame = Enumerable.Range(f * inFrame, inFrame)
                .Select(i => (short)(8000 * Math.Sin(2 * Math.PI * frequency * i / from))).ToArray();
            var result = resampler.Process(frame);
            Assert.Equal(Pcm.SamplesPerFrame(to), result.Length);
            output.AddRange(result);
        }

        var steady = output.Skip(to / 10).ToArray();
        var crossings = 0;
        for (var i = 1; i < steady.Length; i++)
        {
            if (steady[i - 1] < 0 && steady[i] >= 0)
            {
                crossings++;
            }
        }

        var measured = crossings * (double)to / steady.Length;
        Assert.InRange(measured, frequency * 0.97, frequency * 1.03);
        Assert.InRange(Pcm.Rms(steady), 8000 / Math.Sqrt(2) * 0.8, 8000 / Math.Sqrt(2) * 1.1);
    }

    [Fact]
    public void Hold_music_is_audible_but_soft_and_a_whole_number_of_frames()
    {
        var music = HoldMusic.Render(8000);

        Assert.Equal(0, music.Length % Pcm.SamplesPerFrame(8000));
        Assert.InRange(Pcm.Dbfs(music), -40, -15);
    }

    [Fact]
    public void A_wav_header_and_data_read_back()
    {
        short[] samples = [0, 1000, -1000, short.MaxValue];
        var file = Wav.Header(16000, 1, samples.Length * 2).Concat(Pcm.ToBytes(samples)).ToArray();

        var (back, rate, channels) = Wav.Read(file);

        Assert.Equal(samples, back);
        Assert.Equal(16000, rate);
        Assert.Equal(1, channels);
        Assert.Throws<FormatException>(() => Wav.Read("RIFF0000WAVX"u8.ToArray()));
    }
}
