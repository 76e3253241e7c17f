namespace Minwon.Server.Features.Voice.Media;

/// <summary>What a leg is to the call; <see cref="CallBridge"/> decides from it who hears whom.</summary>
public enum LegRole
{
    /// <summary>The citizen (AudioSocket, Media Streams or the web-call page).</summary>
    Caller,

    /// <summary>The counsellor holding the call (desk softphone).</summary>
    Agent,

    /// <summary>A colleague consulted in a warm transfer: talks with the counsellor while the caller waits.</summary>
    Consult,

    /// <summary>A supervisor listening in: hears caller and counsellor, heard by nobody.</summary>
    Listen,

    /// <summary>A supervisor whispering: heard by the counsellor only.</summary>
    Whisper,

    /// <summary>A supervisor who barged in: heard by everyone on the call.</summary>
    Barge,

    /// <summary>Prompts, queue announcements, hold music, the callbot's voice: heard by the caller only.</summary>
    Speaker,
}
