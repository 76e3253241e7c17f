namespace Minwon.Core.TextSafety;

/// <summary>
/// The masked text (same length as the original: every letter or digit inside a span becomes '*',
/// separators stay) and the spans found, in order and never overlapping.
/// </summary>
public sealed record MaskResult(string Masked, IReadOnlyList<PiiSpan> Spans);
