namespace Minwon.Core.Quality;

/// <summary>The whole lexicon in one matcher, and the rules that let one phrase cancel another.</summary>
internal static class Cues
{
    private static readonly Lazy<PhraseMatcher<Cue>> Matcher = new(() => new PhraseMatcher<Cue>(
    [
        .. Tag(QualityLexicon.GreetingWords, Cue.GreetingWord),
        .. Tag(QualityLexicon.Institutions, Cue.Institution),
        .. Tag(QualityLexicon.ClosingGreetings, Cue.ClosingGreeting),
        .. Tag(QualityLexicon.ThanksForSomething, Cue.ThanksForSomething),
        .. Tag(QualityLexicon.FurtherChecks, Cue.FurtherCheck),
        .. Tag(QualityLexicon.HoldAnnouncements, Cue.HoldAnnounce),
        .. Tag(QualityLexicon.EmpathyPhrases, Cue.Empathy),
        .. Tag(EmotionForms(), Cue.Empathy),
        .. Tag(QualityLexicon.Complaints, Cue.Complaint),
        .. Tag(QualityLexicon.Blame, Cue.Blame),
        .. Tag(QualityLexicon.Neutral, Cue.Neutral),
        .. Tag(QualityLexicon.Refusals, Cue.Refusal),
        .. Tag(QualityLexicon.Unsure, Cue.Unsure),
        .. Tag(QualityLexicon.Concrete, Cue.Concrete),
        .. Tag(QualityLexicon.Answers, Cue.Answer),
        .. Tag(QualityLexicon.Statements, Cue.Statement),
        .. Tag(QualityLexicon.Confirmations, Cue.Confirm),
        .. Tag(QualityLexicon.OpeningQuestions, Cue.OpeningQuestion),
    ]));

    /// <summary>The cues found in a text, after cancellations: blame and refusals inside a longer phrase about the
    /// citizen's feelings or situation ("답답하셨죠", "잘 모르시면") and thanks for something specific are dropped.</summary>
    public static List<CueMatch> Find(CompactText text)
    {
        var raw = new List<(Cue Value, int Start, int End)>();
        Matcher.Value.FindAll(text, raw);
        var matches = new List<CueMatch>(raw.Count);
        foreach (var (cue, start, end) in raw)
        {
            matches.Add(new CueMatch(cue, start, end));
        }

        if (matches.Count > 1)
        {
            matches.RemoveAll(m => m.Cue switch
            {
                Cue.Blame or Cue.Refusal or Cue.Unsure => matches.Any(o => o.Cue is Cue.Neutral or Cue.Empathy && o.Contains(m)),
                Cue.ClosingGreeting => matches.Any(o => o.Cue == Cue.ThanksForSomething && o.Overlaps(m)),
                Cue.Complaint => matches.Any(o => o.Cue is Cue.Empathy && o.Contains(m) && o.End - o.Start > m.End - m.Start),
                _ => false,
            });
        }

        return matches;
    }

    private static IEnumerable<(string, Cue)> Tag(IEnumerable<string> phrases, Cue cue) => phrases.Select(p => (p, cue));

    // 불편하셨, 불편하시겠, 불편하실, 놀라셨, 놀라시겠 ...: the honorific past or conjecture of a feeling is about the citizen.
    private static IEnumerable<string> EmotionForms()
    {
        foreach (var stem in QualityLexicon.EmotionStems)
        {
            foreach (var ending in (string[])["셨", "시겠", "실", "시죠", "으셨", "으시겠", "으실", "으시죠", "시지요", "셨죠", "셨을", "시는"])
            {
                yield return stem + ending;
            }
        }
    }
}
