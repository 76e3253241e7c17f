namespace Minwon.Core.IssueAlerting;

/// <summary>
/// A key's recent peaks, one entry per clock hour in which its count in the longest window reached the minimum count
/// (issue 13, session 7): for each detection window, the largest count in that hour and the window's total volume at
/// that moment, so the peak is remembered as a share of contacts and a routine expected again on a quieter or busier
/// day scales with the day. Entries older than the memory (a week and a bit) are dropped as new ones come, so a key
/// that peaks every hour holds about 200 entries and a key that never peaks holds none.
/// </summary>
internal sealed class PeakMemory(int windows)
{
    private readonly int stride = 1 + 2 * windows;
    private int[] data = new int[(1 + 2 * windows) * 4];
    private int start;
    private int end;

    /// <summary>Entries held (for tests and the saved state).</summary>
    public int Count => (end - start) / stride;

    /// <summary>The raw entries: hour, then for each window its largest count and the window total at that moment.</summary>
    public int[] Export() => data[start..end];

    public static PeakMemory Import(int windows, int[] entries)
    {
        var memory = new PeakMemory(windows);
        if (entries.Length % memory.stride != 0)
        {
            return memory;
        }

        memory.data = entries.Length == 0 ? new int[memory.stride * 4] : [.. entries];
        memory.end = entries.Length;
        return memory;
    }

    /// <summary>Records the window counts of <paramref name="hour"/>, keeping each window's largest; drops entries before <paramref name="oldestHour"/>.</summary>
    public void Note(int hour, int[] counts, int[] totals, int oldestHour)
    {
        if (end > start && data[end - stride] == hour)
        {
            var at = end - stride;
            for (var w = 0; w < counts.Length; w++)
            {
                if (counts[w] > data[at + 1 + 2 * w])
                {
                    data[at + 1 + 2 * w] = counts[w];
                    data[at + 2 + 2 * w] = totals[w];
                }
            }

            return;
        }

        while (end > start && data[start] < oldestHour)
        {
            start += stride;
        }

        if (end + stride > data.Length)
        {
            var live = end - start;
            var grown = live + stride > data.Length / 2 ? new int[data.Length * 2] : data;
            Array.Copy(data, start, grown, 0, live);
            (data, start, end) = (grown, 0, live);
        }

        data[end] = hour;
        for (var w = 0; w < counts.Length; w++)
        {
            data[end + 1 + 2 * w] = counts[w];
            data[end + 2 + 2 * w] = totals[w];
        }

        end += stride;
    }

    /// <summary>
    /// The largest count of window <paramref name="w"/> in the hours <paramref name="from"/>..<paramref name="to"/>, as a
    /// share of the window's contacts at that moment; 0 when the key did not peak then.
    /// </summary>
    public double PeakShare(int from, int to, int w)
    {
        var best = 0;
        var share = 0.0;
        // Entries are in hour order; the memory is short, so a scan from the newest end stops early.
        for (var at = end - stride; at >= start; at -= stride)
        {
            var hour = data[at];
            if (hour < from)
            {
                break;
            }

            var count = data[at + 1 + 2 * w];
            if (hour <= to && count > best)
            {
                best = count;
                share = (double)count / Math.Max(count, data[at + 2 + 2 * w]);
            }
        }

        return share;
    }
}
