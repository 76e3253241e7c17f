namespace Minwon.Core.Quality;

/// <summary>Who said a turn. Anything else (bot, system, IVR) is <see cref="Other"/> and is not scored.</summary>
public enum Speaker
{
    Counsellor,
    Citizen,
    Other,
}
