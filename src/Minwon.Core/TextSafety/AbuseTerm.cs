namespace Minwon.Core.TextSafety;

/// <summary>A lexicon entry in normalised form, with its label and weight (the chance that a line containing it is abusive).</summary>
internal sealed record AbuseTerm(string Text, AbuseLabel Label, double Weight);
