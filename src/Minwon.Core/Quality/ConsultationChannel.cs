namespace Minwon.Core.Quality;

/// <summary>Phone transcripts (speech-to-text, often unpunctuated) and typed chat are read slightly differently.</summary>
public enum ConsultationChannel
{
    Chat,
    Phone,
}
