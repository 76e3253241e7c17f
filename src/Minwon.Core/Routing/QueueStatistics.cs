namespace Minwon.Core.Routing;

/// <summary>Wallboard figures for one queue over the records the caller selected (for example today, or the last 30 minutes).</summary>
/// <param name="WaitingCount">Contacts enqueued by now and neither answered nor abandoned by now.</param>
/// <param name="LongestWait">Wait of the oldest waiting contact; zero when none waits.</param>
/// <param name="AnsweredCount">Contacts answered by now.</param>
/// <param name="AnsweredWithinTarget">Answered with a wait of at most the service-level target.</param>
/// <param name="AbandonedCount">Abandoned after waiting longer than the short-abandon threshold.</param>
/// <param name="ShortAbandonedCount">Abandoned within the threshold (misdials, instant hang-ups); left out of the rates.</param>
/// <param name="ServiceLevel">AnsweredWithinTarget / (AnsweredCount + AbandonedCount), 0..1; null when both are zero.</param>
/// <param name="AverageSpeedOfAnswer">Mean wait of answered contacts; null when none was answered.</param>
/// <param name="AbandonmentRate">AbandonedCount / (AnsweredCount + AbandonedCount), 0..1; null when both are zero.</param>
public sealed record QueueStatistics(
    int WaitingCount,
    TimeSpan LongestWait,
    int AnsweredCount,
    int AnsweredWithinTarget,
    int AbandonedCount,
    int ShortAbandonedCount,
    double? ServiceLevel,
    TimeSpan? AverageSpeedOfAnswer,
    double? AbandonmentRate)
{
    /// <summary>Contacts abandoned within this wait are not counted against the service level (the usual 5 s).</summary>
    public static readonly TimeSpan DefaultShortAbandonThreshold = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Computes the figures as of <paramref name="now"/>: events stamped after it are ignored, so the same records
    /// give the same answer for any past instant. Service level uses the common contact-centre formula
    /// answered within target / (answered + abandoned after the short-abandon threshold), e.g. 80/20 means
    /// 80 % of those counted were answered within 20 s. A contact both answered and abandoned counts as answered.
    /// </summary>
    public static QueueStatistics Compute(
        IEnumerable<QueueContactRecord> records,
        DateTimeOffset now,
        TimeSpan serviceLevelTarget,
        TimeSpan? shortAbandonThreshold = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentOutOfRangeException.ThrowIfLessThan(serviceLevelTarget, TimeSpan.Zero);
        var threshold = shortAbandonThreshold ?? DefaultShortAbandonThreshold;
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, TimeSpan.Zero);

        int waiting = 0, answered = 0, withinTarget = 0, abandoned = 0, shortAbandoned = 0;
        var longestWait = TimeSpan.Zero;
        var totalAnswerWait = TimeSpan.Zero;
        foreach (var record in records)
        {
            if (record.EnqueuedAt > now)
            {
                continue;
            }
            if (record.AnsweredAt is { } answeredAt && answeredAt <= now)
            {
                var wait = NonNegative(answeredAt - record.EnqueuedAt);
                answered++;
                totalAnswerWait += wait;
                if (wait <= serviceLevelTarget)
                {
                    withinTarget++;
                }
            }
            else if (record.AbandonedAt is { } abandonedAt && abandonedAt <= now)
            {
                if (NonNegative(abandonedAt - record.EnqueuedAt) <= threshold)
                {
                    shortAbandoned++;
                }
                else
                {
                    abandoned++;
                }
            }
            else
            {
                waiting++;
                longestWait = Max(longestWait, now - record.EnqueuedAt);
            }
        }

        var counted = answered + abandoned;
        return new QueueStatistics(
            waiting,
            longestWait,
            answered,
            withinTarget,
            abandoned,
            shortAbandoned,
            counted == 0 ? null : (double)withinTarget / counted,
            answered == 0 ? null : totalAnswerWait / answered,
            counted == 0 ? null : (double)abandoned / counted);
    }

    private static TimeSpan NonNegative(TimeSpan span) => span < TimeSpan.Zero ? TimeSpan.Zero : span;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
