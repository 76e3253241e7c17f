namespace Minwon.Core.TextSafety;

/// <summary>A lexicon entry in normalised form, with its label and weight (the chance that a line containing it is abusive).</summary>
/// <param name="Raw">From the raw web list rather than written for Minwon: short raw spellings count only at the start of a word.</param>
internal sealed record AbuseTerm(string Text, AbuseLabel Label, double Weight, bool Raw = false);
