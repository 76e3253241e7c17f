namespace Minwon.Core.Speech;

/// <summary>
/// Thresholds and durations of <see cref="VoiceActivityDetector"/>, tuned on the development set (docs/speech.md).
/// Levels are in dB above the tracked noise floor, averaged over the analysis bands.
/// </summary>
public sealed record VadSettings
{
    public static readonly VadSettings Default = new();

    /// <summary>A frame at least this far above the noise floor counts towards starting a segment.</summary>
    public double OnsetDb { get; init; } = 7.0;

    /// <summary>A frame at least this far above the noise floor keeps a segment going (hysteresis: lower than onset).</summary>
    public double OffsetDb { get; init; } = 4.0;

    /// <summary>Frames this far above the floor (or with a fricative's zero-crossing rate) extend a segment's edges.</summary>
    public double EdgeDb { get; init; } = 2.0;

    /// <summary>Frames quieter than this are never speech, whatever the noise floor (digital silence, idle lines).</summary>
    public double AbsoluteFloorDbfs { get; init; } = -62;

    /// <summary>Speech shorter than this (clicks, coughs, door slams) is not a segment.</summary>
    public int MinSpeechMs { get; init; } = 120;

    /// <summary>Frames at or above onset needed before speech is confirmed (the barge-in delay).</summary>
    public int OnsetConfirmMs { get; init; } = 60;

    /// <summary>Silence needed to end a segment (hangover): pauses inside a sentence are shorter and stay in it.</summary>
    public int MinSilenceMs { get; init; } = 550;

    /// <summary>How far a segment's edges may move out over weak frames (unvoiced onsets, trailing fricatives).</summary>
    public int MaxEdgeExtensionMs { get; init; } = 120;

    /// <summary>Longest segment before it is cut (speech engines take about 30 s at a time); 0 never cuts.</summary>
    public int MaxSegmentMs { get; init; }

    /// <summary>How fast the noise floor may rise outside speech, in dB per second (it falls at once).</summary>
    public double NoiseRiseDbPerSecond { get; init; } = 4.0;

    /// <summary>How fast the noise floor may rise inside speech (a lasting change of background noise).</summary>
    public double NoiseRiseInSpeechDbPerSecond { get; init; } = 0.4;

    /// <summary>Bands standing above their floors by amounts this close (RMS spread, dB, over 400 ms) are a steady background, not speech.</summary>
    public double SteadyDeviationDb { get; init; } = 3.0;

    /// <summary>How fast the noise floor may rise while the score is steady (swelling noise), in dB per second.</summary>
    public double SteadyNoiseRiseDbPerSecond { get; init; } = 25;

    /// <summary>
    /// The offset level is at least this many standard deviations of the background's own score above its mean (and the
    /// edge level half as many); 0 keeps the fixed levels. The onset level stays fixed.
    /// </summary>
    public double NoiseDeviations { get; init; } = 3.0;

    /// <summary>A whole file's noise floors start as each band's low quantile over this much of its beginning.</summary>
    public int PrimeMs { get; init; } = 2_000;

    /// <summary>Frames at offset level (below onset) restart the hangover only in a run at least this long.</summary>
    public int ContinueRunMs { get; init; } = 40;
}
