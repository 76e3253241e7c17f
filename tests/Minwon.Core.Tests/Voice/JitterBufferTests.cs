using Minwon.Core.Voice;

namespace Minwon.Core.Tests.Voice;

public sealed class JitterBufferTests
{
    private static short[] Frame(short marker) => Enumerable.Repeat(marker, 160).ToArray();

    private static short? Marker(short[]? frame) => frame?[0];

    [Fact]
    public void Frames_without_sequence_numbers_play_in_arrival_order()
    {
        var buffer = new JitterBuffer(160);
        buffer.Push(Frame(1));
        buffer.Push(Frame(2));

        Assert.Equal((short)1, Marker(buffer.Pop()));
        Assert.Equal((short)2, Marker(buffer.Pop()));
        Assert.Equal(2, buffer.Stats.Played);
    }

    [Fact]
    public void Reordered_frames_within_the_depth_play_in_sequence_order()
    {
        var buffer = new JitterBuffer(160, maxDepth: 10, prefill: 3);
        buffer.Push(Frame(2), 2);
        Assert.Null(buffer.Pop());
        buffer.Push(Frame(1), 1);
        buffer.Push(Frame(3), 3);

        Assert.Equal([1, 2, 3], Enumerable.Range(0, 3).Select(_ => (int)Marker(buffer.Pop())!));
    }

    [Fact]
    public void A_frame_older_than_the_last_played_is_dropped_as_late_and_a_repeat_as_duplicate()
    {
        var buffer = new JitterBuffer(160);
        buffer.Push(Frame(5), 5);
        Assert.Equal((short)5, Marker(buffer.Pop()));
        buffer.Push(Frame(4), 4);
        buffer.Push(Frame(6), 6);
        buffer.Push(Frame(6), 6);

        Assert.Equal(1, buffer.Stats.Late);
        Assert.Equal(1, buffer.Stats.Duplicates);
        Assert.Equal((short)6, Marker(buffer.Pop()));
    }

    [Fact]
    public void A_missing_frame_is_concealed_for_one_tick_then_skipped_and_counted_lost()
    {
        var buffer = new JitterBuffer(160);
        buffer.Push(Frame(100), 1);
        Assert.Equal((short)100, Marker(buffer.Pop()));
        buffer.Push(Frame(300), 3);

        Assert.Equal((short)50, Marker(buffer.Pop()));
        Assert.Equal((short)300, Marker(buffer.Pop()));
        Assert.Equal(1, buffer.Stats.Concealed);
        Assert.Equal(1, buffer.Stats.Lost);
    }

    [Fact]
    public void A_missing_frame_that_arrives_while_concealed_still_plays()
    {
        var buffer = new JitterBuffer(160);
        buffer.Push(Frame(1), 1);
        buffer.Pop();
        buffer.Push(Frame(3), 3);
        buffer.Pop();
        buffer.Push(Frame(2), 2);

        Assert.Equal((short)2, Marker(buffer.Pop()));
        Assert.Equal((short)3, Marker(buffer.Pop()));
        Assert.Equal(0, buffer.Stats.Lost);
    }

    [Fact]
    public void Overflow_drops_the_oldest_frames_and_counts_them()
    {
        var buffer = new JitterBuffer(160, maxDepth: 4);
        for (short i = 1; i <= 7; i++)
        {
            buffer.Push(Frame(i));
        }

        Assert.Equal(4, buffer.Depth);
        Assert.Equal(3, buffer.Stats.Overflow);
        Assert.Equal((short)4, Marker(buffer.Pop()));
    }

    [Fact]
    public void A_buffer_that_stays_deep_for_200_ms_is_trimmed_to_keep_latency_down()
    {
        var buffer = new JitterBuffer(160, maxDepth: 10, prefill: 1);
        short next = 0;
        for (var i = 0; i < 4; i++)
        {
            buffer.Push(Frame(next++));
        }

        for (var tick = 0; tick < 120; tick++)
        {
            buffer.Push(Frame(next++));
            Assert.NotNull(buffer.Pop());
        }

        Assert.True(buffer.Stats.Trimmed >= 2, $"trimmed {buffer.Stats.Trimmed}");
        Assert.True(buffer.Depth <= 2, $"depth {buffer.Depth}");
        Assert.Equal(buffer.Stats.Received, buffer.Stats.Played + buffer.Stats.Dropped + buffer.Depth);
    }

    [Fact]
    public void An_underrun_conceals_once_then_plays_silence_and_prefills_again()
    {
        var buffer = new JitterBuffer(160, maxDepth: 10, prefill: 2);
        buffer.Push(Frame(8));
        buffer.Push(Frame(9));
        buffer.Pop();
        buffer.Pop();

        Assert.Equal((short)4, Marker(buffer.Pop()));
        for (var i = 0; i < JitterBuffer.RebufferAfterUnderruns; i++)
        {
            Assert.Null(buffer.Pop());
        }

        buffer.Push(Frame(10));
        Assert.Null(buffer.Pop());
        buffer.Push(Frame(11));
        Assert.Equal((short)10, Marker(buffer.Pop()));
    }
}
