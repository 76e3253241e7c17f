using Minwon.Core.Speech;

namespace Minwon.Core.Tests.Speech;

/// <summary>
/// The detector on synthetic voiced sound (a 120 Hz buzz with harmonics, shaped into 200 ms syllables at about four
/// a second) in noise made here: where it truly is, against what the detector says. Korean speech from espeak-ng is
/// tested in the server tests (`minwon voice vad`) and the quality gate.
/// </summary>
public sealed class VoiceActivityDetectorTests
{
    [Theory]
    [InlineData(8000)]
    [InlineData(16000)]
    public void Finds_each_utterance_within_150_ms_in_quiet_and_in_noise(int rate)
    {
        foreach (var noiseDb in new double[] { -90, -45, -35 })
        {
            var (audio, truths) = Scene(rate, noiseDb, [(1.0, 1.6), (1.2, 0.5), (2.0, 2.4)]);
            var found = VoiceActivityDetector.Detect(audio, rate);
            var score = VadSceneScore.Score($"{rate}/{noiseDb}", truths, found, audio.Length * 1000L / rate);
            Assert.True(score.WithinTolerance == truths.Count && score.FalseSegments == 0,
                $"{rate} Hz, noise {noiseDb} dBFS: truths {string.Join(' ', truths)}, found {string.Join(' ', found)}");
        }
    }

    [Fact]
    public void Pauses_inside_an_utterance_keep_it_one_segment()
    {
        const int rate = 8000;
        var audio = new List<short>(Silence(rate, 1.0));
        var start = audio.Count;
        foreach (var (seconds, pause) in new[] { (0.8, 0.25), (0.6, 0.35), (0.9, 0.3), (0.7, 0.0) })
        {
            audio.AddRange(Voiced(rate, seconds, 6000, seed: audio.Count));
            audio.AddRange(Silence(rate, pause));
        }

        var end = audio.Count;
        audio.AddRange(Silence(rate, 1.0));
        var found = VoiceActivityDetector.Detect([.. audio], rate);
        var segment = Assert.Single(found);
        Assert.InRange(segment.StartMs, start * 1000L / rate - 150, start * 1000L / rate + 150);
        Assert.InRange(segment.EndMs, end * 1000L / rate - 150, end * 1000L / rate + 150);
    }

    [Fact]
    public void Minutes_of_digital_silence_and_a_click_are_not_speech()
    {
        const int rate = 8000;
        var audio = new short[rate * 180];
        for (var i = 0; i < rate / 50; i++)
        {
            audio[rate * 90 + i] = (short)(i % 2 == 0 ? 30000 : -30000);
        }

        Assert.Empty(VoiceActivityDetector.Detect(audio, rate));
    }

    [Fact]
    public void Clipped_speech_is_found()
    {
        const int rate = 16000;
        var (audio, truths) = Scene(rate, -50, [(1.0, 1.5), (1.5, 1.0)], amplitude: 90000);
        Assert.Contains(audio, s => s == short.MaxValue);
        var score = VadSceneScore.Score("clipped", truths, VoiceActivityDetector.Detect(audio, rate), audio.Length * 1000L / rate);
        Assert.Equal(truths.Count, score.WithinTolerance);
    }

    [Fact]
    public void Streaming_in_any_chunk_size_decides_as_20_ms_frames_do()
    {
        const int rate = 16000;
        var (audio, _) = Scene(rate, -40, [(0.8, 1.2), (1.3, 0.7)]);
        List<SpeechSegment> Run(int chunk)
        {
            var vad = new VoiceActivityDetector(rate);
            var events = new List<VadEvent>();
            for (var i = 0; i < audio.Length; i += chunk)
            {
                vad.Process(audio.AsSpan(i, Math.Min(chunk, audio.Length - i)), events);
            }

            vad.Flush(events);
            Assert.Equal(events.Count(e => e.Kind == VadEventKind.Started), events.Count(e => e.Kind == VadEventKind.Ended));
            return [.. events.Where(e => e.Kind == VadEventKind.Ended).Select(e => e.Segment)];
        }

        var frames = Run(320);
        Assert.Equal(2, frames.Count);
        Assert.Equal(frames, Run(37));
        Assert.Equal(frames, Run(4000));
    }

    [Fact]
    public void Speech_start_is_announced_within_a_fifth_of_a_second_for_barge_in()
    {
        const int rate = 8000;
        var (audio, truths) = Scene(rate, -50, [(1.0, 2.0)]);
        var vad = new VoiceActivityDetector(rate);
        var events = new List<VadEvent>();
        var frame = rate / 50;
        long? announcedAt = null;
        for (var i = 0; i + frame <= audio.Length && announcedAt is null; i += frame)
        {
            vad.Process(audio.AsSpan(i, frame), events);
            if (events.Any(e => e.Kind == VadEventKind.Started))
            {
                announcedAt = (i + frame) * 1000L / rate;
            }
        }

        Assert.NotNull(announcedAt);
        Assert.InRange(announcedAt.Value - truths[0].StartMs, 0, 200);
        Assert.InRange(events[0].Segment.StartMs, truths[0].StartMs - 150, truths[0].StartMs + 150);
    }

    [Fact]
    public void A_long_monologue_is_cut_at_the_longest_segment()
    {
        const int rate = 8000;
        var (audio, _) = Scene(rate, -50, [(1.0, 12.0)]);
        var found = VoiceActivityDetector.Detect(audio, rate, VadSettings.Default with { MaxSegmentMs = 5000 });
        Assert.True(found.Count >= 3, string.Join(' ', found));
        Assert.All(found, s => Assert.True(s.DurationMs <= 5000, s.ToString()));
    }

    [Theory]
    [InlineData(4000)]
    [InlineData(96000)]
    public void Refuses_rates_it_cannot_analyse(int rate) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new VoiceActivityDetector(rate));

    /// <summary>Utterances after the given silences (seconds: silence before, utterance length), in noise at a level.</summary>
    internal static (short[] Audio, List<SpeechSegment> Truths) Scene(int rate, double noiseDbfs, (double Gap, double Length)[] parts,
        double amplitude = 8000)
    {
        var audio = new List<short>();
        var truths = new List<SpeechSegment>();
        foreach (var (gap, length) in parts)
        {
            audio.AddRange(Silence(rate, gap));
            var start = audio.Count;
            audio.AddRange(Voiced(rate, length, amplitude, seed: start));
            truths.Add(new SpeechSegment(start * 1000L / rate, audio.Count * 1000L / rate));
        }

        audio.AddRange(Silence(rate, 1.0));
        var noise = new Random(rate + (int)noiseDbfs);
        var level = 32768 * Math.Pow(10, noiseDbfs / 20) * Math.Sqrt(3);
        return ([.. audio.Select(s => (short)Math.Clamp(s + (noise.NextDouble() * 2 - 1) * level, short.MinValue, short.MaxValue))], truths);
    }

    private static short[] Silence(int rate, double seconds) => new short[(int)(rate * seconds)];

    /// <summary>A buzz with harmonics, in syllables: each 200 ms, rising and falling, with short dips between.</summary>
    private static short[] Voiced(int rate, double seconds, double amplitude, int seed)
    {
        var random = new Random(seed);
        var samples = new short[(int)(rate * seconds)];
        var syllable = rate / 5;
        for (var i = 0; i < samples.Length; i++)
        {
            var t = i / (double)rate;
            var phase = (i % syllable) / (double)syllable;
            var envelope = 0.25 + 0.75 * Math.Sin(Math.PI * phase);
            var f0 = 120 + 20 * Math.Sin(2 * Math.PI * 1.5 * t);
            var buzz = Math.Sin(2 * Math.PI * f0 * t) + 0.6 * Math.Sin(4 * Math.PI * f0 * t) + 0.4 * Math.Sin(6 * Math.PI * f0 * t)
                + 0.3 * Math.Sin(2 * Math.PI * 900 * t) * Math.Sin(2 * Math.PI * f0 * t) + 0.1 * (random.NextDouble() - 0.5);
            samples[i] = (short)Math.Clamp(amplitude * envelope * buzz / 2, short.MinValue, short.MaxValue);
        }

        return samples;
    }
}
