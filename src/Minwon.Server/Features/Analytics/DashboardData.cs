namespace Minwon.Server.Features.Analytics;

/// <summary>Sums of the rollup counters over some slice, with the derived handling figures.</summary>
public sealed record RollupTotals(long Contacts, long Cases, long Answered, long AnsweredInServiceLevel, long Abandoned,
    long HandleSeconds, long FirstContactResolved, long BotResolved)
{
    public static readonly RollupTotals Zero = new(0, 0, 0, 0, 0, 0, 0, 0);

    public double AverageHandleSeconds => Answered == 0 ? 0 : (double)HandleSeconds / Answered;
    public double FirstContactResolution => Cases == 0 ? 0 : (double)FirstContactResolved / Cases;

    /// <summary>Answered within the queue's threshold among contacts that were answered or abandoned.</summary>
    public double ServiceLevel => Answered + Abandoned == 0 ? 0 : (double)AnsweredInServiceLevel / (Answered + Abandoned);

    /// <summary>As on the wallboard: abandoned among answered + abandoned (short abandons are not told apart here).</summary>
    public double AbandonRate => Answered + Abandoned == 0 ? 0 : (double)Abandoned / (Answered + Abandoned);

    public RollupTotals Plus(RollupTotals o) => new(Contacts + o.Contacts, Cases + o.Cases, Answered + o.Answered,
        AnsweredInServiceLevel + o.AnsweredInServiceLevel, Abandoned + o.Abandoned, HandleSeconds + o.HandleSeconds,
        FirstContactResolved + o.FirstContactResolved, BotResolved + o.BotResolved);
}

public sealed record NamedCount(string Key, string Name, long Count);

public sealed record CategoryTrend(string Name, long Count, long Previous)
{
    /// <summary>Change against the previous period, or null when there was nothing to compare with.</summary>
    public double? Change => Previous == 0 ? null : (double)(Count - Previous) / Previous;
}

public sealed record DayCount(DateOnly Day, long Count);

public sealed record EmergingTerm(string Terms, string? District, string? Category, int Count, DateTimeOffset DetectedAt);

/// <summary>Everything the /analytics page shows for one Seoul date range, read from rollups only.</summary>
public sealed record DashboardData(
    DateOnly From,
    DateOnly To,
    RollupTotals Current,
    RollupTotals Previous,
    IReadOnlyList<NamedCount> ByChannel,
    IReadOnlyList<CategoryTrend> ByCategory,
    IReadOnlyList<NamedCount> ByDistrict,
    IReadOnlyList<long> ByHourOfDay,
    IReadOnlyList<DayCount> ByDay,
    IReadOnlyList<EmergingTerm> EmergingTerms)
{
    public double? Change => Previous.Contacts == 0 ? null : (double)(Current.Contacts - Previous.Contacts) / Previous.Contacts;
}
