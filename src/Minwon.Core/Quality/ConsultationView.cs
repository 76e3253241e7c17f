namespace Minwon.Core.Quality;

/// <summary>
/// A consultation prepared for the checks: turns in time order (stable, so equal or missing offsets keep the input
/// order), each analysed once, and the windows the checks look in.
/// </summary>
internal sealed class ConsultationView
{
    private const int MaxGreetingTurns = 4;
    private const int ShortBackchannel = 6;

    public ConsultationView(ConsultationRecord record)
    {
        Record = record;
        var turns = new List<TurnView>(record.Turns.Count);
        for (var i = 0; i < record.Turns.Count; i++)
        {
            var turn = record.Turns[i];
            var text = new CompactText(turn.Text ?? "");
            var cues = turn.Speaker == Speaker.Other ? [] : Cues.Find(text);
            turns.Add(new TurnView(i, turn.Speaker, turn.OffsetSeconds, text, cues));
        }

        // Offsets say when; the input order breaks ties, and a missing (NaN) offset takes the last known one before it,
        // so the turn stays where the input put it.
        var keys = new double[turns.Count];
        var known = double.NegativeInfinity;
        for (var i = 0; i < turns.Count; i++)
        {
            known = double.IsFinite(turns[i].OffsetSeconds) ? turns[i].OffsetSeconds : known;
            keys[i] = known;
        }

        Turns = [.. turns.OrderBy(t => keys[t.Index]).ThenBy(t => t.Index)];
        for (var i = 0; i < Turns.Count; i++)
        {
            Turns[i].Position = i;
        }

        Counsellor = [.. Turns.Where(t => t.Speaker == Speaker.Counsellor)];
        Citizen = [.. Turns.Where(t => t.Speaker == Speaker.Citizen)];
        GreetingWindow = FindGreetingWindow();
    }

    public ConsultationRecord Record { get; }

    /// <summary>All turns in time order, bots and systems included (as <see cref="Speaker.Other"/>).</summary>
    public IReadOnlyList<TurnView> Turns { get; }

    public IReadOnlyList<TurnView> Counsellor { get; }

    public IReadOnlyList<TurnView> Citizen { get; }

    /// <summary>The counsellor's opening: the first run of counsellor turns, continued past a citizen's short "여보세요".</summary>
    public IReadOnlyList<TurnView> GreetingWindow { get; }

    public bool InGreeting(TurnView turn) => GreetingWindow.Contains(turn);

    /// <summary>The counsellor turn after this one, when no substantial citizen turn lies between (split sentences).</summary>
    public TurnView? NextCounsellorContinuation(TurnView turn)
    {
        var position = turn.Position;
        for (var i = position + 1; i < Turns.Count && i <= position + 2; i++)
        {
            var next = Turns[i];
            if (next.Speaker == Speaker.Counsellor)
            {
                return next;
            }

            if (next.Speaker == Speaker.Citizen && next.Text.Chars.Length > ShortBackchannel)
            {
                return null;
            }
        }

        return null;
    }

    // "여보세요?", "네", "안녕하세요": the citizen answering the greeting, not yet asking anything.
    private static bool IsBackchannel(TurnView turn) =>
        turn.Text.Words.Count > 0 && turn.Text.Words.All(w => Backchannels.Contains(w.Text));

    private static readonly HashSet<string> Backchannels = new(StringComparer.Ordinal)
    {
        "네", "예", "네네", "예예", "여보세요", "안녕하세요", "안녕하십니까", "아", "어", "음", "저기요", "저", "아네", "들려요", "들리세요",
    };

    private List<TurnView> FindGreetingWindow()
    {
        var window = new List<TurnView>();
        var extended = false;
        foreach (var turn in Turns)
        {
            if (turn.Speaker == Speaker.Counsellor)
            {
                // After the first turn, only opening words continue the window; a chat counsellor who answers a
                // question the citizen already typed has finished greeting.
                if (window.Count > 0 && !IsOpening(turn))
                {
                    break;
                }

                window.Add(turn);
                if (window.Count >= MaxGreetingTurns)
                {
                    break;
                }
            }
            else if (turn.Speaker == Speaker.Citizen && window.Count > 0)
            {
                if (extended || !IsBackchannel(turn))
                {
                    break;
                }

                extended = true;
            }
        }

        return window;
    }

    // 상담사 이서윤입니다, 김민지입니다, 무엇을 도와드릴까요, 다산콜센터: the rest of a greeting split over turns.
    private static bool IsOpening(TurnView turn) =>
        turn.Has(Cue.GreetingWord) || turn.Has(Cue.Institution) || turn.Has(Cue.OpeningQuestion)
        || turn.Text.Chars.Contains("상담사", StringComparison.Ordinal) || turn.Text.Chars.Contains("상담원", StringComparison.Ordinal)
        || turn.Text.Chars.Length <= 4 || turn.Text.Chars.Length <= 10 && turn.Text.Chars.EndsWith("입니다", StringComparison.Ordinal);
}
