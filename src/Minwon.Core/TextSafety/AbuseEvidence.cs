namespace Minwon.Core.TextSafety;

/// <summary>One matched term: UTF-16 offsets into the original text (end exclusive), its label and weight (0..1).</summary>
public readonly record struct AbuseEvidence(int Start, int End, AbuseLabel Label, double Weight);
