namespace Minwon.Server.Features.Voice;

/// <summary>Signalling state of a call (the media lives in the node; this lives in the database).</summary>
public enum CallState
{
    /// <summary>The PBX announced the caller; the audio has not connected yet.</summary>
    Announced,

    /// <summary>Audio connected; the caller hears the notice and waits in the queue.</summary>
    Waiting,

    /// <summary>A counsellor is on the call.</summary>
    Talking,

    /// <summary>The counsellor holds the call; the caller hears music.</summary>
    Held,

    /// <summary>The counsellor consults a colleague (warm transfer); the caller hears music.</summary>
    Consulting,

    /// <summary>Over; see the hang-up cause.</summary>
    Ended,
}
