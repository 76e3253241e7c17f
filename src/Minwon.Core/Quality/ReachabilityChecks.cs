namespace Minwon.Core.Quality;

/// <summary>
/// 서비스 수신여건, from the record rather than the words: time in queue, earlier abandoned attempts, transfers and
/// holds. Recorded holds are used when the source has them; otherwise a counsellor silence in the transcript longer
/// than the channel's threshold (after the time it takes to say the turn before it, or to type the reply) is a hold,
/// announced when the counsellor's last turn before it asked the citizen to wait ("잠시만 기다려 주세요").
/// </summary>
internal static class ReachabilityChecks
{
    // Speech runs at about six syllables a second; typing a chat reply at about three characters a second.
    private const double SpokenPerSecond = 6;
    private const double TypedPerSecond = 3;

    public static void Run(ConsultationView view, Scorecard card, FindingList findings)
    {
        var record = view.Record;
        var settings = card.For(record.Channel);
        if (record.QueueSeconds is { } queue && double.IsFinite(queue))
        {
            var evidence = $"대기 {Math.Round(queue)}초";
            findings.Add(BuiltInItems.QueueTimeTarget, queue <= settings.QueueTargetSeconds, null, evidence);
            findings.Add(BuiltInItems.QueueTimeLimit, queue <= settings.QueueLimitSeconds, null, evidence);
        }

        if (record.AbandonedAttempts is { } abandoned)
        {
            findings.Add(BuiltInItems.NoAbandonedAttempts, abandoned <= 0, null, $"앞선 포기 {abandoned}회");
        }

        if (record.Transfers is { } transfers)
        {
            findings.Add(BuiltInItems.TransfersLimited, transfers <= card.MaxTransfers, null, $"전환 {transfers}회");
        }

        var holds = record.Holds is { } recorded
            ? recorded.Select(h => (Hold: h, Turn: (TurnView?)null)).ToList()
            : Silences(view, settings);
        if (holds.Count == 0)
        {
            return;
        }

        var unannounced = holds.FirstOrDefault(h => !h.Hold.Announced);
        findings.Add(BuiltInItems.HoldAnnounced, unannounced.Hold is null, unannounced.Turn,
            unannounced.Hold is { } u ? $"안내 없는 대기 {Math.Round(u.Seconds)}초" : null);
        var longest = holds.MaxBy(h => h.Hold.Seconds);
        findings.Add(BuiltInItems.HoldLength, longest.Hold.Seconds <= settings.HoldLimitSeconds, longest.Turn, $"대기 {Math.Round(longest.Hold.Seconds)}초");
    }

    private static List<(HoldPeriod Hold, TurnView? Turn)> Silences(ConsultationView view, ChannelSettings settings)
    {
        var found = new List<(HoldPeriod, TurnView?)>();
        TurnView? previous = null;
        TurnView? lastCounsellor = null;
        foreach (var turn in view.Turns)
        {
            if (turn.Speaker == Speaker.Other)
            {
                continue;
            }

            if (turn.Speaker == Speaker.Counsellor && previous is not null
                && double.IsFinite(turn.OffsetSeconds) && double.IsFinite(previous.OffsetSeconds))
            {
                var busy = view.Record.Channel == ConsultationChannel.Phone
                    ? previous.Text.Chars.Length / SpokenPerSecond
                    : turn.Text.Chars.Length / TypedPerSecond;
                var silence = turn.OffsetSeconds - previous.OffsetSeconds - busy;
                if (silence > settings.SilenceSeconds)
                {
                    var announced = lastCounsellor?.Has(Cue.HoldAnnounce) == true;
                    found.Add((new HoldPeriod(previous.OffsetSeconds, silence, announced), turn));
                }
            }

            if (turn.Speaker == Speaker.Counsellor)
            {
                lastCounsellor = turn;
            }

            previous = turn;
        }

        return found;
    }
}
