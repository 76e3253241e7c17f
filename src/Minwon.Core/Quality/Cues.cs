using System.Text.RegularExpressions;

namespace Minwon.Core.Quality;

/// <summary>
/// The whole lexicon in one matcher, two families of phrases that vary too much to list (checks for further
/// questions, "nothing we can do" refusals), and the rules that let one phrase cancel another.
/// </summary>
internal static partial class Cues
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
        .. Tag(FormalForms(QualityLexicon.Refusals), Cue.Refusal),
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

        AddPattern(matches, text, Cue.FurtherCheck, FurtherCheckPattern());
        AddPattern(matches, text, Cue.Refusal, NothingToOfferPattern());

        if (matches.Count > 1)
        {
            matches.RemoveAll(m => m.Cue switch
            {
                Cue.Blame or Cue.Refusal or Cue.Unsure => matches.Any(o => o.Cue is Cue.Neutral or Cue.Empathy && o.Contains(m)),
                Cue.ClosingGreeting => matches.Any(o => o.Cue == Cue.ThanksForSomething && o.Overlaps(m)),

                // "처리해 드릴 수가 없습니다" holds "처리해 드리" but offers nothing.
                Cue.Concrete or Cue.Answer => matches.Any(o => o.Cue is Cue.Refusal or Cue.Unsure && o.Overlaps(m)),
                Cue.Complaint => matches.Any(o => o.Cue is Cue.Empathy && o.Contains(m) && o.End - o.Start > m.End - m.Start),
                _ => false,
            });
        }

        return matches;
    }

    private static void AddPattern(List<CueMatch> matches, CompactText text, Cue cue, Regex pattern)
    {
        if (matches.Exists(m => m.Cue == cue) || text.Chars.Length == 0)
        {
            return;
        }

        var m = pattern.Match(text.Chars);
        if (m.Success)
        {
            matches.Add(new CueMatch(cue, m.Index, m.Index + m.Length));
        }
    }

    // "혹시 또 여쭤보실 거 있으실까요", "추가로 질문 있으세요": more/other/else, then asking or having, close together.
    [GeneratedRegex("(?:더|또|다른|추가로|추가|그외|그밖에|그밖의)(?:[가-힣]{0,8}?)(?:궁금|문의|여쭤|여쭈|물어|질문|필요|도와|도움|용건|용무|말씀하실|알고싶|있으실까|있으세|있으신|없으세|없으신|없으실|있나요|없나요|괜찮으)")]
    private static partial Regex FurtherCheckPattern();

    // "안내드릴 게 없네요", "도와드릴 수 있는 게 없습니다", "저희가 할 수 있는 건 없어요": nothing on offer.
    [GeneratedRegex("(?:드릴|드릴만한|드릴수있는|할수있는|해드릴수있는)(?:게|건|것이|것은|만한게|만한건|방법이|방법은)없|드릴수있는(?:문제가|일이|부분이|사항이)아니")]
    private static partial Regex NothingToOfferPattern();

    private static IEnumerable<(string, Cue)> Tag(IEnumerable<string> phrases, Cue cue) => phrases.Select(p => (p, cue));

    // "업무가 아니에요" and "업무가 아닙니다": the formal ending folds 니 into 닙.
    private static IEnumerable<string> FormalForms(IEnumerable<string> phrases) =>
        phrases.Where(p => p.EndsWith("아니", StringComparison.Ordinal)).Select(p => p[..^1] + "닙");

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
