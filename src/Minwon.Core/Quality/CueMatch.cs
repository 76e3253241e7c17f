namespace Minwon.Core.Quality;

/// <summary>A lexicon phrase found in a turn, in positions of the turn's compact text.</summary>
internal readonly record struct CueMatch(Cue Cue, int Start, int End)
{
    public bool Overlaps(CueMatch other) => Start < other.End && other.Start < End;

    public bool Contains(CueMatch other) => Start <= other.Start && other.End <= End;
}
