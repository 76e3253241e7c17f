namespace Minwon.Server.Features.Voice.Media;

/// <summary>
/// The call's voice towards the caller: prompts and announcements played in order, hold music looped between them.
/// The seam the callbot uses: <see cref="Play"/> a prompt, <see cref="Stop"/> it when the caller barges in.
/// Produces audio on the media clock; nothing here waits.
/// </summary>
public sealed class SpeakerLeg(int sampleRate) : MediaLeg(LegRole.Speaker, sampleRate)
{
    private readonly object _gate = new();
    private readonly Queue<Prompt> _queue = new();
    private Prompt? _current;
    private int _position;
    private short[]? _loop;
    private int _loopPosition;

    /// <summary>Raised (on the clock thread; keep it quick) when a prompt was played to its end or stopped.</summary>
    public event Action<string, bool>? PromptFinished;

    /// <summary>Raised when playback is cut short, so transports that buffer audio (Media Streams) can clear it.</summary>
    public event Action? Cleared;

    public bool IsPlaying
    {
        get
        {
            lock (_gate)
            {
                return _current is not null || _queue.Count > 0;
            }
        }
    }

    /// <summary>Queues a prompt; the task completes when it has been played (true) or stopped (false).</summary>
    public Task<bool> Play(short[] samples, string name)
    {
        var prompt = new Prompt(samples, name, new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (_gate)
        {
            _queue.Enqueue(prompt);
        }

        return prompt.Done.Task;
    }

    /// <summary>Loops music (or silence when null) whenever no prompt plays.</summary>
    public void Loop(short[]? samples)
    {
        lock (_gate)
        {
            _loop = samples;
            _loopPosition = 0;
        }
    }

    /// <summary>Stops the current and queued prompts at once (barge-in).</summary>
    public void Stop()
    {
        List<Prompt> stopped;
        lock (_gate)
        {
            stopped = [.. _queue];
            _queue.Clear();
            if (_current is not null)
            {
                stopped.Insert(0, _current);
                _current = null;
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
        lock (_gate)
        {
            if (_current is null && _queue.Count > 0)
            {
                _current = _queue.Dequeue();
                _position = 0;
            }

            if (_current is { } prompt)
            {
                var n = Math.Min(frame.Length, prompt.Samples.Length - _position);
                prompt.Samples.AsSpan(_position, Math.Max(0, n)).CopyTo(frame);
                _position += frame.Length;
                any = true;
                if (_position >= prompt.Samples.Length)
                {
                    finished = prompt;
                    _current = null;
                }
            }
            else if (_loop is { Length: > 0 } loop)
            {
                for (var i = 0; i < frame.Length; i++)
                {
                    frame[i] = loop[_loopPosition];
                    _loopPosition = (_loopPosition + 1) % loop.Length;
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
