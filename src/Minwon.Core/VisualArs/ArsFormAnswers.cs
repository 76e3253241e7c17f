namespace Minwon.Core.VisualArs;

/// <summary>A citizen's answers after validation: normalised values, and a Korean message per field that failed.</summary>
public sealed record ArsFormAnswers(IReadOnlyDictionary<string, string> Values, IReadOnlyDictionary<string, string> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
