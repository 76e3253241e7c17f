namespace Minwon.Core.TextSafety;

/// <summary>A piece of personal data in the original text: UTF-16 offsets, end exclusive.</summary>
public readonly record struct PiiSpan(int Start, int End, PiiKind Kind)
{
    public int Length => End - Start;
}
