namespace Minwon.Server.Features.Speech.Callbot;

/// <summary>What the caller gave at a prompt: a keypad digit or a (masked) transcript line.</summary>
public sealed record CallbotInput(char? Digit, string? Text)
{
    public static CallbotInput Key(char digit) => new(digit, null);

    public static CallbotInput Said(string text) => new(null, text);
}

/// <summary>No engine could speak the callbot's sentences: the call goes to a counsellor at once.</summary>
public sealed class CallbotCannotSpeakException : Exception
{
    public CallbotCannotSpeakException()
        : base("No text-to-speech engine spoke.")
    {
    }
}
