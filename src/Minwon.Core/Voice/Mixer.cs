namespace Minwon.Core.Voice;

/// <summary>
/// Mixes one 20 ms tick of a call. Every leg's output is the saturated sum of the inputs it may hear, decided by a
/// matrix, so "N-1" (nobody hears themselves), hold, whisper (heard by the counsellor only) and listen-only
/// supervisors are all the same operation. A call has a handful of legs, so the O(N²) matrix costs less than the
/// bookkeeping of anything cleverer.
/// </summary>
public sealed class Mixer(int samplesPerFrame)
{
    private readonly int[] sum = new int[samplesPerFrame];

    public int SamplesPerFrame { get; } = samplesPerFrame;

    /// <summary>
    /// Fills <paramref name="outputs"/>[i] with what leg i hears: the sum of <paramref name="inputs"/>[j] for every j
    /// where <paramref name="hears"/>(i, j). A null input is silence. Returns, per output, whether anything was summed.
    /// </summary>
    public void Mix(ReadOnlySpan<short[]?> inputs, Func<int, int, bool> hears, Span<short[]> outputs, Span<bool> audible)
    {
        for (var i = 0; i < outputs.Length; i++)
        {
            Array.Clear(sum);
            var any = false;
            for (var j = 0; j < inputs.Length; j++)
            {
                if (i == j || inputs[j] is not { } input || !hears(i, j))
                {
                    continue;
                }

                Add(sum, input);
                any = true;
            }

            audible[i] = any;
            var output = outputs[i];
            for (var k = 0; k < output.Length; k++)
            {
                output[k] = any ? Pcm.Saturate(sum[k]) : (short)0;
            }
        }
    }

    /// <summary>Sum of the given frames into <paramref name="output"/>, saturating (for taps that want a chosen set).</summary>
    public void Sum(ReadOnlySpan<short[]?> frames, Span<short> output)
    {
        Array.Clear(sum);
        foreach (var frame in frames)
        {
            if (frame is not null)
            {
                Add(sum, frame);
            }
        }

        for (var k = 0; k < output.Length; k++)
        {
            output[k] = Pcm.Saturate(sum[k]);
        }
    }

    private static void Add(int[] sum, short[] input)
    {
        var n = Math.Min(sum.Length, input.Length);
        for (var k = 0; k < n; k++)
        {
            sum[k] += input[k];
        }
    }
}
