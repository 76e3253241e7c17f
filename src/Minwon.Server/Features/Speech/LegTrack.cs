using Minwon.Core.Speech;
using Minwon.Server.Features.Voice.Media;

namespace Minwon.Server.Features.Speech;

/// <summary>
/// One leg's audio for the transcriber: its detector and the audio since the oldest sample a future utterance may need
/// (the padding before a segment's detected start). Times are the leg's own, from its first frame.
/// </summary>
internal sealed class LegTrack
{
    private readonly VoiceActivityDetector vad;
    private readonly List<short> audio = [];
    private readonly int rate;
    private readonly int padding;
    private readonly int maxSamples;
    private long audioStart;
    private long fed;

    public LegTrack(LegRole role, string? userId, long firstTick, int rate, SpeechOptions options)
    {
        Role = role;
        UserId = userId;
        FirstTick = firstTick;
        this.rate = rate;
        padding = options.PaddingMilliseconds * rate / 1000;
        maxSamples = options.MaxUtteranceSeconds * rate;
        vad = new VoiceActivityDetector(rate, VadSettings.Default with { MaxSegmentMs = options.MaxUtteranceSeconds * 1000 });
    }

    public LegRole Role { get; }

    public string? UserId { get; }

    public long FirstTick { get; }

    public void Feed(short[] frame, List<VadEvent> events)
    {
        // Outside speech the last second is enough (padding and the detector's back-dating); inside, the whole utterance.
        var keep = vad.InSpeech ? maxSamples + 2 * rate : rate;
        if (audio.Count > keep)
        {
            var drop = audio.Count - keep;
            audio.RemoveRange(0, drop);
            audioStart += drop;
        }

        audio.AddRange(frame);
        fed += frame.Length;
        vad.Process(frame, events);
    }

    public void Flush(List<VadEvent> events) => vad.Flush(events);

    /// <summary>The segment's audio with padding on both sides, as far as it is still held.</summary>
    public short[] Cut(SpeechSegment segment)
    {
        var from = Math.Max(audioStart, segment.StartMs * rate / 1000 - padding);
        var to = Math.Min(fed, segment.EndMs * rate / 1000 + padding);
        if (to <= from)
        {
            return [];
        }

        return audio.GetRange((int)(from - audioStart), (int)(to - from)).ToArray();
    }
}
