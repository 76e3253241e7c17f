using System.Collections.Concurrent;
using System.Diagnostics;

namespace Minwon.LoadGen;

/// <summary>
/// Every message the simulation sends, keyed by its client message id, and every push received for it.
/// Latency is server-to-client delivery as the other party sees it: its receive time minus the sender's send time,
/// both from this process's Stopwatch, so the figure also includes the client stacks on both ends.
/// </summary>
public sealed class DeliveryLedger(long phaseStart)
{
    /// <summary>Messages sent before this timestamp are warm-up: delivered and checked, but not counted.</summary>
    public long MeasureFrom { get; set; } = phaseStart;

    private readonly ConcurrentDictionary<string, Sent> sent = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> errors = new(StringComparer.Ordinal);

    public void Sending(string id, SimConversation conversation, Side from, long timestamp) =>
        sent[id] = new Sent(conversation, from, timestamp);

    public void Acked(string id, int seq)
    {
        if (sent.TryGetValue(id, out var s))
        {
            s.AckedAt = Stopwatch.GetTimestamp();
            s.AckSeq = seq;
        }
    }

    public void Failed(string id, Exception e)
    {
        if (sent.TryGetValue(id, out var s))
        {
            s.Error = true;
        }

        var kind = e.GetType().Name + ": " + (e.Message.Length > 80 ? e.Message[..80] : e.Message);
        errors.AddOrUpdate(kind, 1, (_, n) => n + 1);
    }

    /// <summary>A push reached one side. Seen-before seqs are raw duplicates; only first sightings are rendered.</summary>
    public void Received(SimConversation conversation, Side side, WireMessage message, long timestamp)
    {
        if (!conversation.View(side).Accept(message.Seq))
        {
            return;
        }

        if (message.ClientMessageId is { } id && sent.TryGetValue(id, out var s) && s.From != side)
        {
            lock (s)
            {
                s.DeliveredSeqs.Add(message.Seq);
                s.DeliveredAt ??= timestamp;
            }
        }
    }

    public DeliveryFigures Summarize()
    {
        var all = sent.Values.Where(s => s.SentAt >= MeasureFrom).ToList();
        var delivered = all.Where(s => s.DeliveredAt is not null).ToList();
        var windows = delivered
            .GroupBy(s => (int)(Stopwatch.GetElapsedTime(MeasureFrom, s.SentAt).TotalSeconds / 10) * 10)
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                var stats = LatencyStats.From(g.Select(Latency).ToList());
                return new WindowFigures(g.Key, stats.Count, stats.P50Ms, stats.P99Ms, stats.MaxMs);
            })
            .ToList();
        var citizens = all.Select(s => s.Conversation).Distinct().ToList();
        return new DeliveryFigures(
            all.Count,
            all.Count(s => s.AckSeq is not null),
            all.Count(s => s.Error),
            delivered.Count,
            all.Count(s => s.AckSeq is not null && s.DeliveredAt is null),
            citizens.Sum(c => c.CitizenView.RawDuplicates + c.CounsellorView.RawDuplicates),
            delivered.Count(s => s.DeliveredSeqs.Count > 1),
            citizens.Sum(c => c.CitizenView.OutOfOrder + c.CounsellorView.OutOfOrder),
            citizens.Sum(c => c.CitizenView.Gaps() + c.CounsellorView.Gaps()),
            LatencyStats.From(delivered.Select(Latency).ToList()),
            LatencyStats.From(delivered.Where(s => s.From == Side.Citizen).Select(Latency).ToList()),
            LatencyStats.From(delivered.Where(s => s.From == Side.Counsellor).Select(Latency).ToList()),
            LatencyStats.From(all.Where(s => s.AckedAt is not null).Select(s => Stopwatch.GetElapsedTime(s.SentAt, s.AckedAt!.Value).TotalMilliseconds).ToList()),
            windows,
            new Dictionary<string, int>(errors));
    }

    public int Outstanding() => sent.Values.Count(s => s.AckSeq is not null && s.DeliveredAt is null && s.SentAt >= MeasureFrom);

    private static double Latency(Sent s) => Stopwatch.GetElapsedTime(s.SentAt, s.DeliveredAt!.Value).TotalMilliseconds;

    private sealed class Sent(SimConversation conversation, Side from, long sentAt)
    {
        public SimConversation Conversation { get; } = conversation;

        public Side From { get; } = from;

        public long SentAt { get; } = sentAt;

        public long? AckedAt { get; set; }

        public int? AckSeq { get; set; }

        public bool Error { get; set; }

        public long? DeliveredAt { get; set; }

        public HashSet<int> DeliveredSeqs { get; } = [];
    }
}
