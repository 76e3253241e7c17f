namespace Minwon.Server.Features.Voice.Media;

/// <summary>
/// The call's voice towards the caller: prompts and announcements played in order, hold music looped between them.
/// The seam the callbot uses: <see cref="Play"/> a prompt, <see cref="Stop"/> it when the caller barges in.
/// Produces audio on the media clock; nothing here waits.
/// </summary>
public sealed class SpeakerLeg(int sampleRate) : MediaLeg(LegRole.Speaker, sampleRate)
{
    private readonly object gate = new();
    private readonly Queue<Prompt> queue = new();
    private Prompt? current;
    private int position;
    private short[]? loop;
    private int loopPosition;

    /// <summary>Raised (on the clock thread; keep it quick) when a prompt was played to its end or stopped.</summary>
    public event Action<string, bool>? PromptFinished;

    /// <summary>Raised when playback is cut short, so transports that buffer audio (Media Streams) can clear it.</summary>
    public event Action? Cleared;

    public bool IsPlaying
    {
        get
        {
            lock (gate)
            {
                return current is not null || queue.Count > 0;
            }
        }
    }

    /// <summary>Queues a prompt; the task completes when it has been played (true) or stopped (false).</summary>
    public Task<bool> Play(short[] samples, string name)
    {
        var prompt = new Prompt(samples, name, new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (gate)
        {
            queue.Enqueue(prompt);
        }

        return prompt.Done.Task;
    }

    /// <summary>Loops music (or silence when null) whenever no prompt plays.</summary>
    public void Loop(short[]? samples)
    {
        lock (gate)
        {
            loop = samples;
            loopPosition = 0;
        }
    }

    /// <summary>Stops the current and queued prompts at once (barge-in).</summary>
    public void Stop()
    {
        List<Prompt> stopped;
        lock (gate)
        {
            stopped = [.. queue];
            queue.Clear();
            if (current is not null)
            {
                stopped.Insert(0, current);
                current = null;
            }
        }

        foreach (var p in stopped)
        {
            p.Done.TrySetResult(false);
            PromptFinished?.Invoke(p.Name, false);
        }

        if (stopped.Count > 0)
        {
            Cleared?.Invoke();
        }
    }

    internal override short[]? TakeInput()
    {
        var frame = new short[SamplesPerFrame];
        Prompt? finished = null;
        var any = false;
        lock (gate)
        {
            if (current is null && queue.Count > 0)
            {
                current = queue.Dequeue();
                position = 0;
            }

            if (current is { } prompt)
            {
                var n = Math.Min(frame.Length, prompt.Samples.Length - position);
                prompt.Samples.AsSpan(position, Math.Max(0, n)).CopyTo(frame);
                position += frame.Length;
                any = true;
                if (position >= prompt.Samples.Length)
                {
                    finished = prompt;
                    current = null;
                }
            }
            else if (this.loop is { Length: > 0 } loop)
            {
                for (var i = 0; i < frame.Length; i++)
                {
                    frame[i] = loop[loopPosition];
                    loopPosition = (loopPosition + 1) % loop.Length;
                }

                any = true;
            }
        }

        if (finished is not null)
        {
            finished.Done.TrySetResult(true);
            PromptFinished?.Invoke(finished.Name, true);
        }

        SetCurrentInput(any ? frame : null);
        return CurrentInput;
    }

    internal override void Deliver(short[] mix)
    {
        // Nobody speaks to the speaker.
    }

    private sealed record Prompt(short[] Samples, string Name, TaskCompletionSource<bool> Done);
}
