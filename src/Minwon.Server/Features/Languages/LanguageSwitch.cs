using Minwon.Core.Languages;

namespace Minwon.Server.Features.Languages;

/// <summary>
/// Decides from a citizen's first messages whether the conversation is in another language than the page it started
/// from: a confident identification of a language Minwon serves, on a message with enough letters to judge
/// (a plate number or "ok" is not English). See docs/languages.md.
/// </summary>
public static class LanguageSwitch
{
    public const int MinLetters = 4;

    public static string? Detect(string currentLanguage, string text)
    {
        var guess = LanguageIdentifier.Default.Identify(text);
        if (!guess.IsConfident || guess.Language == currentLanguage || ScriptCounts.Of(text).Letters < MinLetters)
        {
            return null;
        }

        return guess.Language;
    }
}
