namespace Minwon.Server.Features.Analytics;

/// <summary>One class of the district map: counts from <paramref name="Low"/> to <paramref name="High"/> (both included), drawn in shade <paramref name="Shade"/>.</summary>
public sealed record VolumeClass(long Low, long High, int Shade)
{
    public string Label => Low == High ? Low.ToString("N0") : $"{Low:N0}–{High:N0}";
}

/// <summary>
/// Equal-width classes of counts 0..max for a map with <c>shades</c> colours. With fewer distinct counts than shades
/// (sparse data) there are fewer classes, one count each, spread over the light-to-dark range: a class is never empty,
/// reversed or negative, and every count from 0 to max is in exactly one class.
/// </summary>
public sealed class VolumeClasses
{
    private readonly long size;

    public VolumeClasses(long max, int shades)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shades, 1);
        size = Math.Max(0, max) + 1;
        var count = (int)Math.Min(shades, size);
        var classes = new VolumeClass[count];
        for (var i = 0; i < count; i++)
        {
            // Class i holds the counts c with floor(c * count / size) == i.
            var low = Start(i, count);
            var high = Start(i + 1, count) - 1;
            var shade = count == 1 ? 0 : i * (shades - 1) / (count - 1);
            classes[i] = new VolumeClass(low, high, shade);
        }

        Classes = classes;
    }

    public IReadOnlyList<VolumeClass> Classes { get; }

    /// <summary>The class that holds <paramref name="count"/> (counts outside 0..max go to the first or last class).</summary>
    public VolumeClass Of(long count)
    {
        var index = count <= 0 ? 0 : (int)Int128.Min(Classes.Count - 1, (Int128)count * Classes.Count / size);
        return Classes[index];
    }

    private long Start(int i, int count) => (long)(((Int128)i * size + count - 1) / count);
}
