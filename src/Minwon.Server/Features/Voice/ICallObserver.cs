namespace Minwon.Server.Features.Voice;

/// <summary>
/// Told about every call this node runs (the transcriber, the callbot): when the call's media starts after the
/// recording notice (not for the echo line check), and when it ended. Called off the media clock; must not block.
/// </summary>
public interface ICallObserver
{
    void CallStarted(CallSession session);

    void CallEnded(CallSession session);
}
