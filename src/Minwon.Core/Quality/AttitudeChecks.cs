using Minwon.Core.TextSafety;

namespace Minwon.Core.Quality;

/// <summary>
/// 상담태도: honorific speech throughout, no blaming, irritation or sarcasm, empathy after the citizen complains,
/// and no profanity or insults (the abuse detector of Text Safety, read on the counsellor's words).
/// </summary>
internal static class AttitudeChecks
{
    private static readonly Lazy<AbuseDetector> Abuse = new(() => new AbuseDetector());
    private const int EmpathyWithinTurns = 3;
    private const double MinTermWeight = 0.7;
    private const int MaxTermLength = 8;
    private static readonly string[] Emoticons = ["-_-", "-.-", "ㅡ.ㅡ", ";;;"];

    public static void Run(ConsultationView view, FindingList findings)
    {
        if (view.Counsellor.Count == 0)
        {
            findings.Fail(BuiltInItems.HonorificSpeech);
            findings.Fail(BuiltInItems.NoBlameOrSarcasm);
            findings.Fail(BuiltInItems.NoProfanity);
            return;
        }

        Honorifics(view, findings);
        Blame(view, findings);
        Empathy(view, findings);
        Profanity(view, findings);
    }

    private static void Honorifics(ConsultationView view, FindingList findings)
    {
        if (!findings.Wants(BuiltInItems.HonorificSpeech))
        {
            return;
        }

        foreach (var turn in view.Counsellor)
        {
            var next = view.NextCounsellorContinuation(turn);
            if (SpeechLevel.FindPlain(turn.Text, next?.Text) is { } word)
            {
                findings.Fail(BuiltInItems.HonorificSpeech, turn, turn.Text.Excerpt(word.CompactStart, word.CompactEnd));
                return;
            }
        }

        findings.Pass(BuiltInItems.HonorificSpeech);
    }

    private static void Blame(ConsultationView view, FindingList findings)
    {
        foreach (var turn in view.Counsellor)
        {
            if (turn.First(Cue.Blame) is { } match)
            {
                findings.Fail(BuiltInItems.NoBlameOrSarcasm, turn, turn.Excerpt(match));
                return;
            }

            if (Emoticons.FirstOrDefault(e => turn.Text.Original.Contains(e, StringComparison.Ordinal)) is { } emoticon)
            {
                findings.Fail(BuiltInItems.NoBlameOrSarcasm, turn, emoticon);
                return;
            }
        }

        findings.Pass(BuiltInItems.NoBlameOrSarcasm);
    }

    // Only when the citizen complains; otherwise the item does not apply and is left out. The empathy must come in
    // the counsellor's next few turns: an apology in the goodbye is not an answer to the complaint.
    private static void Empathy(ConsultationView view, FindingList findings)
    {
        TurnView? first = null;
        foreach (var complaint in view.Citizen.Where(t => t.Has(Cue.Complaint)))
        {
            first ??= complaint;
            var empathy = view.Counsellor.Where(t => t.Position > complaint.Position).Take(EmpathyWithinTurns).FirstOrDefault(t => t.Has(Cue.Empathy));
            if (empathy is not null)
            {
                findings.Pass(BuiltInItems.EmpathyOnComplaint, empathy, empathy.Excerpt(empathy.First(Cue.Empathy)!.Value));
                return;
            }
        }

        if (first is not null)
        {
            findings.Fail(BuiltInItems.EmpathyOnComplaint, first, first.Excerpt(first.First(Cue.Complaint)!.Value));
        }
    }

    private static void Profanity(ConsultationView view, FindingList findings)
    {
        if (!findings.Wants(BuiltInItems.NoProfanity))
        {
            return;
        }

        // The detector is tuned for citizens' messages, where a co-occurrence of innocent words across a long sentence
        // may still be harassment. A counsellor's formal sentences trip those rules ("돌봄이 필요한 ... 재가 서비스"),
        // so only a swear word or insult itself counts here. All the counsellor's turns go through in one call.
        var joined = new System.Text.StringBuilder();
        var starts = new int[view.Counsellor.Count];
        for (var i = 0; i < view.Counsellor.Count; i++)
        {
            starts[i] = joined.Length;
            joined.Append(view.Counsellor[i].Text.Original).Append('\n');
        }

        var text = joined.ToString();
        var verdict = Abuse.Value.Classify(text);
        if (verdict.IsAbusive)
        {
            var term = verdict.Evidence.FirstOrDefault(e => e.Label is AbuseLabel.Profanity or AbuseLabel.Insult
                && e.Weight >= MinTermWeight && e.End - e.Start <= MaxTermLength);
            if (term.End > term.Start)
            {
                var at = Array.FindLastIndex(starts, s => s <= term.Start);
                findings.Fail(BuiltInItems.NoProfanity, view.Counsellor[Math.Max(0, at)], text[term.Start..term.End]);
                return;
            }
        }

        findings.Pass(BuiltInItems.NoProfanity);
    }
}
