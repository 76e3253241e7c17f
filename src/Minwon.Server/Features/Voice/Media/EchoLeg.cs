namespace Minwon.Server.Features.Voice.Media;

/// <summary>
/// The line check: speaks back, on the same tick, what the caller said. It takes the caller's frame after the caller
/// leg has taken its own in this tick, so the echo crosses the bridge exactly like a counsellor's voice would
/// (jitter buffer, tick, mix, outbound queue) and nothing more: the benchmark measures the media path with it.
/// </summary>
public sealed class EchoLeg(MediaLeg caller) : MediaLeg(LegRole.Agent, caller.SampleRate)
{
    internal override short[]? TakeInput()
    {
        SetCurrentInput(caller.CurrentInput);
        return CurrentInput;
    }

    internal override void Deliver(short[] mix)
    {
    }
}
