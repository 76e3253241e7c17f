namespace Minwon.Core.Languages;

/// <summary>
/// The identified language (ISO 639-1, or "und" when the text has no letters), the script that decided the candidate
/// set, and a confidence in [0, 1]: 1 when the script alone names the language, otherwise the n-gram model's posterior
/// among the languages of that script.
/// </summary>
public sealed record LanguageGuess(string Language, Script Script, double Confidence)
{
    public const string Undetermined = "und";

    /// <summary>Sure enough to change the language of a conversation on it (see docs/languages.md).</summary>
    public bool IsConfident => Language != Undetermined && Confidence >= 0.9;
}
