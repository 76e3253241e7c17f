namespace Minwon.Core.Korean;

/// <summary>One search term and the span of the original text it came from (for highlighting).</summary>
public readonly record struct KoreanToken(string Term, int Start, int End);
