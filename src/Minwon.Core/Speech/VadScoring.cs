namespace Minwon.Core.Speech;

/// <summary>How one utterance was found: the segment that covers most of it, the boundary errors, and what went wrong.</summary>
public sealed record VadUtteranceResult(SpeechSegment Truth, SpeechSegment? Found, int Overlapping, bool Merged)
{
    public long? StartErrorMs => Found is { } f ? f.StartMs - Truth.StartMs : null;

    public long? EndErrorMs => Found is { } f ? f.EndMs - Truth.EndMs : null;

    /// <summary>Found as exactly one segment of its own, both edges within the tolerance.</summary>
    public bool Within(int toleranceMs) => Found is not null && Overlapping == 1 && !Merged
        && Math.Abs(StartErrorMs!.Value) <= toleranceMs && Math.Abs(EndErrorMs!.Value) <= toleranceMs;
}

/// <summary>The detector's result on one scene (or a whole set, when added up).</summary>
public sealed record VadSceneScore(string Id, IReadOnlyList<VadUtteranceResult> Utterances, int FalseSegments, long FalseAlarmMs, long AudioMs)
{
    public const int ToleranceMs = 150;

    public int Found => Utterances.Count(u => u.Found is not null);

    public int WithinTolerance => Utterances.Count(u => u.Within(ToleranceMs));

    public int Split => Utterances.Count(u => u.Overlapping > 1);

    public int Merged => Utterances.Count(u => u.Merged);

    /// <summary>Matches segments to the true utterances (by overlap) and counts segments that cover no utterance.</summary>
    public static VadSceneScore Score(string id, IReadOnlyList<SpeechSegment> truths, IReadOnlyList<SpeechSegment> found, long audioMs)
    {
        static long Overlap(SpeechSegment a, SpeechSegment b) => Math.Max(0, Math.Min(a.EndMs, b.EndMs) - Math.Max(a.StartMs, b.StartMs));

        var results = truths.Select(t =>
        {
            var over = found.Where(s => Overlap(s, t) > 0).ToList();
            var best = over.Count == 0 ? (SpeechSegment?)null : over.MaxBy(s => Overlap(s, t));
            var merged = best is { } b && truths.Count(o => Overlap(o, b) > 0) > 1;
            return new VadUtteranceResult(t, best, over.Count, merged);
        }).ToList();
        var falseSegments = found.Count(s => truths.All(t => Overlap(s, t) == 0));
        var speechInTruth = found.Sum(s => truths.Sum(t => Overlap(s, t)));
        return new VadSceneScore(id, results, falseSegments, found.Sum(s => s.DurationMs) - speechInTruth, audioMs);
    }

    /// <summary>Boundary errors in ms (absolute) at a percentile, over the utterances found.</summary>
    public double Percentile(bool start, double p)
    {
        var errors = Utterances.Where(u => u.Found is not null)
            .Select(u => (double)Math.Abs((start ? u.StartErrorMs : u.EndErrorMs)!.Value)).Order().ToArray();
        return errors.Length == 0 ? double.NaN : errors[Math.Clamp((int)Math.Ceiling(p / 100 * errors.Length) - 1, 0, errors.Length - 1)];
    }

    public static VadSceneScore Sum(string id, IEnumerable<VadSceneScore> scenes)
    {
        var list = scenes.ToList();
        return new VadSceneScore(id, [.. list.SelectMany(s => s.Utterances)], list.Sum(s => s.FalseSegments),
            list.Sum(s => s.FalseAlarmMs), list.Sum(s => s.AudioMs));
    }
}
