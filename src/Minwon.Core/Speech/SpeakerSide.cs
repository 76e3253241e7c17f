namespace Minwon.Core.Speech;

/// <summary>Who spoke a transcript segment: the caller's leg, or the counsellor side (counsellor, consulted colleague, barge).</summary>
public enum SpeakerSide
{
    Citizen,
    Counsellor,
}
