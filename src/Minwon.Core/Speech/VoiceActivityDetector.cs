namespace Minwon.Core.Speech;

/// <summary>
/// Finds speech in a stream of PCM16 (mono, 8 to 48 kHz): a band-energy and zero-crossing detector with an adaptive
/// noise floor, in the line of Rabiner and Sambur's endpoint detector and the sub-band noise tracking of WebRTC's VAD.
/// <list type="bullet">
/// <item>Every 10 ms hop is measured per band (<see cref="BandAnalyzer"/>); each band has its own noise floor, tracked
/// as a low quantile of its log energy: it falls at once, and rises slowly (more slowly still inside speech), so a
/// steady noise is learned within seconds and a lasting change of background is followed.</item>
/// <item>The frame score is the mean over bands of how far each band stands above its floor. Hysteresis: a segment
/// starts after <see cref="VadSettings.OnsetConfirmMs"/> of frames above the onset level, and goes on while frames stay
/// above the lower offset level; it ends after <see cref="VadSettings.MinSilenceMs"/> below it (hangover), so pauses
/// inside a sentence stay inside the segment. Bursts shorter than <see cref="VadSettings.MinSpeechMs"/> are dropped.
/// The offset and edge levels are raised to stand clear of the background's own fluctuation (the score's mean and
/// deviation outside speech), and frames below onset level restart the hangover only in runs
/// (<see cref="VadSettings.ContinueRunMs"/>): a rough background (a telephone codec, traffic) ends segments on time.</item>
/// <item>Edges are then moved out over weak frames (above the edge level, or with a zero-crossing rate well above the
/// noise's: unvoiced onsets such as ㅅ, ㅎ, ㅊ), at most <see cref="VadSettings.MaxEdgeExtensionMs"/>.</item>
/// <item>Frames below <see cref="VadSettings.AbsoluteFloorDbfs"/> are never speech (digital silence, idle lines).</item>
/// </list>
/// Streaming: feed any number of samples with <see cref="Process"/>; decisions come as events, back-dated to where the
/// speech began. Not thread-safe: one detector per leg.
/// </summary>
public sealed class VoiceActivityDetector
{
    private const int WarmUpFrames = 30;
    private const int HistoryFrames = 64;
    private const int SmoothingFrames = 3;
    private const int SteadyFrames = 40;

    // A band's part of the score: how far it stands above its floor, bounded so that one band (a tone, or a band gone
    // silent) cannot decide alone.
    private const double MinBandDb = -6;
    private const double MaxBandDb = 40;

    private readonly BandAnalyzer analyzer;
    private readonly VadSettings settings;
    private readonly double[] bandDb;
    private readonly double[] noiseDb;
    private readonly short[] pending;
    private readonly double[] scoreHistory = new double[HistoryFrames];
    private readonly bool[] fricativeHistory = new bool[HistoryFrames];
    private readonly double[] spreadHistory = new double[HistoryFrames];
    private readonly double riseOutside;
    private readonly double riseInside;
    private readonly double steadyRise;
    private readonly double fall;
    private int pendingCount;
    private long frame;
    private bool noiseKnown;
    private bool primed;
    private double zcrMean = 0.1;
    private double zcrVar = 0.01;

    // The score's own mean and variance outside speech: how much the background alone moves the meter. Levels are
    // raised above it, so a rough background (few FFT bins per band, a telephone codec) does not keep segments open.
    private double noiseScoreMean;
    private double noiseScoreVar;
    private double offsetLevel;
    private double edgeLevel;

    // Candidate (before confirmation) and segment state, in frame numbers.
    private long runStart = -1;
    private int runOnsetFrames;
    private bool inSpeech;
    private long segmentStart;
    private long lastSpeechFrame;
    private int segmentOnsetFrames;
    private int continueRun;

    public VoiceActivityDetector(int sampleRate, VadSettings? settings = null)
    {
        analyzer = new BandAnalyzer(sampleRate);
        this.settings = settings ?? VadSettings.Default;
        bandDb = new double[analyzer.Bands];
        noiseDb = new double[analyzer.Bands];
        pending = new short[analyzer.Hop];
        offsetLevel = this.settings.OffsetDb;
        edgeLevel = this.settings.EdgeDb;
        riseOutside = this.settings.NoiseRiseDbPerSecond / 100;
        riseInside = this.settings.NoiseRiseInSpeechDbPerSecond / 100;
        steadyRise = this.settings.SteadyNoiseRiseDbPerSecond / 100;
        // A fast fall against a slow rise keeps the floor near a low quantile (about a tenth) of the noise's levels.
        fall = 10 * riseOutside;
    }

    public int SampleRate => analyzer.SampleRate;

    /// <summary>Whether speech is going on (confirmed and not yet ended).</summary>
    public bool InSpeech => inSpeech;

    /// <summary>The last frame's score: dB above the noise floor, averaged over the bands (a level meter).</summary>
    public double LastScore { get; private set; }

    /// <summary>Milliseconds of audio processed.</summary>
    public long ProcessedMs => frame * 10;

    /// <summary>The speech segments of a whole recording (the noise floor is learned from the recording first).</summary>
    public static List<SpeechSegment> Detect(ReadOnlySpan<short> samples, int sampleRate, VadSettings? settings = null)
    {
        var vad = new VoiceActivityDetector(sampleRate, settings);
        vad.Prime(samples);
        var events = new List<VadEvent>();
        vad.Process(samples, events);
        vad.Flush(events);
        return [.. events.Where(e => e.Kind == VadEventKind.Ended).Select(e => e.Segment)];
    }

    /// <summary>
    /// Sets the starting noise floor from audio known in advance (a whole file): per band, a low quantile of its levels
    /// over its first <see cref="VadSettings.PrimeMs"/> (2 s: long enough to hold a pause, short enough
    /// that noise swelling over seconds is judged by its level at the start), so a recording that opens with speech is judged against its own background at once.
    /// </summary>
    public void Prime(ReadOnlySpan<short> samples)
    {
        var probe = new BandAnalyzer(SampleRate);
        var hop = probe.Hop;
        var frames = Math.Min(samples.Length / hop, settings.PrimeMs / 10);
        if (frames < 10)
        {
            return;
        }

        var levels = new double[probe.Bands][];
        for (var b = 0; b < probe.Bands; b++)
        {
            levels[b] = new double[frames];
        }

        var band = new double[probe.Bands];
        var used = 0;
        for (var f = 0; f < frames; f++)
        {
            var (dbfs, _) = probe.Analyze(samples.Slice(f * hop, hop), band);
            if (dbfs <= settings.AbsoluteFloorDbfs)
            {
                continue;
            }

            for (var b = 0; b < probe.Bands; b++)
            {
                levels[b][used] = band[b];
            }

            used++;
        }

        if (used < 10)
        {
            return;
        }

        for (var b = 0; b < probe.Bands; b++)
        {
            var sorted = levels[b].AsSpan(0, used);
            sorted.Sort();
            noiseDb[b] = sorted[used / 10];
        }

        noiseKnown = true;
        primed = true;
    }

    /// <summary>Feeds samples; decisions made meanwhile are added to <paramref name="events"/>.</summary>
    public void Process(ReadOnlySpan<short> samples, ICollection<VadEvent> events)
    {
        while (!samples.IsEmpty)
        {
            var take = Math.Min(samples.Length, pending.Length - pendingCount);
            samples[..take].CopyTo(pending.AsSpan(pendingCount));
            pendingCount += take;
            samples = samples[take..];
            if (pendingCount == pending.Length)
            {
                pendingCount = 0;
                Step(events);
            }
        }
    }

    /// <summary>End of the stream: an open segment ends at its last speech frame.</summary>
    public void Flush(ICollection<VadEvent> events)
    {
        if (inSpeech)
        {
            EndSegment(events);
        }

        runStart = -1;
        runOnsetFrames = 0;
    }

    private void Step(ICollection<VadEvent> events)
    {
        var (dbfs, zcr) = analyzer.Analyze(pending, bandDb);
        var f = frame++;
        if (!noiseKnown)
        {
            bandDb.CopyTo(noiseDb, 0);
            noiseKnown = true;
        }

        var audible = dbfs > settings.AbsoluteFloorDbfs;
        double score = 0;
        if (audible)
        {
            for (var b = 0; b < bandDb.Length; b++)
            {
                score += Math.Clamp(bandDb[b] - noiseDb[b], MinBandDb, MaxBandDb);
            }

            score /= bandDb.Length;
            double spread = 0;
            for (var b = 0; b < bandDb.Length; b++)
            {
                var d = Math.Clamp(bandDb[b] - noiseDb[b], MinBandDb, MaxBandDb) - score;
                spread += d * d;
            }

            spreadHistory[f % HistoryFrames] = Math.Sqrt(spread / bandDb.Length);
        }
        else
        {
            score = MinBandDb;
            spreadHistory[f % HistoryFrames] = 0;
        }

        var zcrThreshold = Math.Max(0.25, zcrMean + 3 * Math.Sqrt(zcrVar));
        LastScore = score;
        scoreHistory[f % HistoryFrames] = score;
        // Decisions read the mean of the last few frames: one noisy frame neither starts nor prolongs a segment.
        var smoothed = 0.0;
        var n = (int)Math.Min(SmoothingFrames, f + 1);
        for (var k = 0; k < n; k++)
        {
            smoothed += scoreHistory[(f - k) % HistoryFrames];
        }

        smoothed /= n;
        fricativeHistory[f % HistoryFrames] = audible && zcr > zcrThreshold;
        Decide(f, smoothed, events);
        Track(f, zcr, audible);
        Levels(f, smoothed);
    }

    /// <summary>
    /// Follows the smoothed score outside speech (mean and variance, about a second's memory) and sets the decision
    /// levels at least <see cref="VadSettings.NoiseDeviations"/> standard deviations above its mean.
    /// </summary>
    private void Levels(long f, double smoothed)
    {
        if (inSpeech || runStart >= 0 || f < SmoothingFrames)
        {
            return;
        }

        var d = smoothed - noiseScoreMean;
        noiseScoreMean += 0.01 * d;
        noiseScoreVar = 0.99 * (noiseScoreVar + 0.01 * d * d);
        var sd = Math.Sqrt(noiseScoreVar);
        offsetLevel = Math.Max(settings.OffsetDb, noiseScoreMean + settings.NoiseDeviations * sd);
        edgeLevel = Math.Max(settings.EdgeDb, noiseScoreMean + settings.NoiseDeviations / 2 * sd);
    }

    private void Decide(long f, double score, ICollection<VadEvent> events)
    {
        if (inSpeech)
        {
            if (score >= offsetLevel)
            {
                // A lone frame above the offset level is as likely the background's: speech holds the level for a
                // syllable, so the hangover restarts on a frame at onset level or a run of frames at offset level.
                continueRun++;
                if (score >= settings.OnsetDb || continueRun >= settings.ContinueRunMs / 10)
                {
                    lastSpeechFrame = f;
                }

                if (score >= settings.OnsetDb)
                {
                    segmentOnsetFrames++;
                }
            }
            else
            {
                continueRun = 0;
            }

            if (f - lastSpeechFrame >= settings.MinSilenceMs / 10)
            {
                EndSegment(events);
                return;
            }

            if (settings.MaxSegmentMs > 0 && f - segmentStart + 1 >= settings.MaxSegmentMs / 10)
            {
                // Cut here and go on at once: the speech has not stopped.
                lastSpeechFrame = f;
                Emit(events, VadEventKind.Ended, segmentStart, f + 1);
                segmentStart = f + 1;
                segmentOnsetFrames = 0;
            }

            return;
        }

        if (score < offsetLevel)
        {
            runStart = -1;
            runOnsetFrames = 0;
            return;
        }

        if (runStart < 0)
        {
            runStart = f;
        }

        if (score >= settings.OnsetDb)
        {
            runOnsetFrames++;
        }

        if (runOnsetFrames >= Math.Max(1, settings.OnsetConfirmMs / 10))
        {
            inSpeech = true;
            segmentStart = ExtendBack(runStart, f);
            lastSpeechFrame = f;
            segmentOnsetFrames = runOnsetFrames;
            runStart = -1;
            runOnsetFrames = 0;
            events.Add(new VadEvent(VadEventKind.Started, new SpeechSegment(segmentStart * 10, -1)));
        }
    }

    private void EndSegment(ICollection<VadEvent> events)
    {
        inSpeech = false;
        var end = ExtendForward(lastSpeechFrame, frame - 1);
        if ((end - segmentStart + 1) * 10 >= settings.MinSpeechMs && segmentOnsetFrames * 10 >= settings.OnsetConfirmMs)
        {
            Emit(events, VadEventKind.Ended, segmentStart, end + 1);
        }
    }

    private static void Emit(ICollection<VadEvent> events, VadEventKind kind, long startFrame, long endFrame) =>
        events.Add(new VadEvent(kind, new SpeechSegment(startFrame * 10, endFrame * 10)));

    private bool IsEdge(long f) => scoreHistory[f % HistoryFrames] >= edgeLevel || fricativeHistory[f % HistoryFrames];

    private long ExtendBack(long start, long now)
    {
        var limit = Math.Max(0, Math.Max(start - settings.MaxEdgeExtensionMs / 10, now - HistoryFrames + 1));
        while (start - 1 >= limit && IsEdge(start - 1))
        {
            start--;
        }

        return start;
    }

    private long ExtendForward(long end, long now)
    {
        var limit = Math.Min(now, end + settings.MaxEdgeExtensionMs / 10);
        while (end + 1 <= limit && IsEdge(end + 1))
        {
            end++;
        }

        return end;
    }

    /// <summary>
    /// Whether the last <see cref="SteadyFrames"/> frames stood above the floor by about the same amount in every band:
    /// a louder background (traffic swelling, a fan) lifts all bands alike, while speech lifts some bands (its formants,
    /// its fricatives) far more than others.
    /// </summary>
    private bool Steady(long f)
    {
        if (f < SteadyFrames)
        {
            return false;
        }

        double spread = 0, level = 0;
        for (var k = 0; k < SteadyFrames; k++)
        {
            spread += spreadHistory[(f - k) % HistoryFrames];
            level += scoreHistory[(f - k) % HistoryFrames];
        }

        return level / SteadyFrames >= settings.OffsetDb && spread / SteadyFrames < settings.SteadyDeviationDb;
    }

    private void Track(long f, double zcr, bool audible)
    {
        if (!audible)
        {
            return;
        }

        var warm = f < WarmUpFrames;
        var speechLike = inSpeech || runStart >= 0;
        // Inside speech both steps shrink together: the floor keeps tracking the same quantile, only more slowly.
        // A level that stays steady is not speech, which comes and goes with its syllables several times a second:
        // then the floor may rise fast, so swelling traffic or a fan switched on is learned instead of heard as speech.
        var rise = warm && !primed ? fall : speechLike ? riseInside : riseOutside;
        var down = warm && !primed ? fall : speechLike ? fall * riseInside / riseOutside : fall;
        if (!warm && Steady(f))
        {
            rise = Math.Max(rise, steadyRise);
        }
        for (var b = 0; b < bandDb.Length; b++)
        {
            noiseDb[b] = bandDb[b] < noiseDb[b] ? Math.Max(bandDb[b], noiseDb[b] - down) : noiseDb[b] + rise;
        }

        if (!speechLike)
        {
            var d = zcr - zcrMean;
            zcrMean += 0.02 * d;
            zcrVar = 0.98 * (zcrVar + 0.02 * d * d);
        }
    }
}
