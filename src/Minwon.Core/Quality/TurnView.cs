namespace Minwon.Core.Quality;

/// <summary>One turn as the checks read it: where it was in the input, who spoke, when, its text and its cues.</summary>
internal sealed class TurnView(int index, Speaker speaker, double offsetSeconds, CompactText text, List<CueMatch> cues)
{
    /// <summary>Index in the input as given (findings report this).</summary>
    public int Index { get; } = index;

    public Speaker Speaker { get; } = speaker;

    public double OffsetSeconds { get; } = offsetSeconds;

    public CompactText Text { get; } = text;

    public IReadOnlyList<CueMatch> Cues { get; } = cues;

    /// <summary>Position in <see cref="ConsultationView.Turns"/> (time order).</summary>
    public int Position { get; set; }

    public bool Has(Cue cue) => First(cue) is not null;

    public CueMatch? First(Cue cue)
    {
        foreach (var m in Cues)
        {
            if (m.Cue == cue)
            {
                return m;
            }
        }

        return null;
    }

    public string Excerpt(CueMatch match) => Text.Excerpt(match.Start, match.End);

    public string Excerpt() => Text.Excerpt(0, Text.Chars.Length, 0);
}
