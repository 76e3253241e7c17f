namespace Minwon.Core.Quality;

/// <summary>맞이인사: a greeting, the institution and the counsellor's name in the counsellor's opening turns.</summary>
internal static class GreetingChecks
{
    private static readonly string[] SelfIdentification = ["입니다", "이에요", "예요", "입니당", "이고요"];

    public static void Run(ConsultationView view, FindingList findings)
    {
        var window = view.GreetingWindow;
        if (window.Count == 0)
        {
            findings.Fail(BuiltInItems.GreetingPhrase);
            findings.Fail(BuiltInItems.InstitutionNamed);
            findings.Fail(BuiltInItems.CounsellorNamed);
            return;
        }

        var greeting = FirstWith(window, Cue.GreetingWord);
        var institution = FirstWith(window, Cue.Institution);

        // "네, 120입니다": naming the institution is itself a greeting on the telephone.
        var selfIdentified = institution is { } i && i.Turn.Text.Words.Any(w => SelfIdentification.Any(s => w.Text.EndsWith(s, StringComparison.Ordinal)));
        if (greeting is { } g)
        {
            findings.Pass(BuiltInItems.GreetingPhrase, g.Turn, g.Turn.Excerpt(g.Match));
        }
        else if (selfIdentified)
        {
            findings.Pass(BuiltInItems.GreetingPhrase, institution!.Value.Turn, institution.Value.Turn.Excerpt(institution.Value.Match));
        }
        else
        {
            findings.Fail(BuiltInItems.GreetingPhrase, null, window[0].Excerpt());
        }

        if (institution is { } found)
        {
            findings.Pass(BuiltInItems.InstitutionNamed, found.Turn, found.Turn.Excerpt(found.Match));
        }
        else
        {
            findings.Fail(BuiltInItems.InstitutionNamed, null, window[0].Excerpt());
        }

        if (findings.Wants(BuiltInItems.CounsellorNamed))
        {
            var named = window.FirstOrDefault(t => CounsellorIntroduction.Find(t.Text.Original) >= 0)
                ?? (window.Count > 1 && CounsellorIntroduction.Find(string.Join(' ', window.Select(t => t.Text.Original))) >= 0 ? window[0] : null);
            if (named is not null)
            {
                findings.Pass(BuiltInItems.CounsellorNamed, named);
            }
            else
            {
                findings.Fail(BuiltInItems.CounsellorNamed, null, window[0].Excerpt());
            }
        }
    }

    private static (TurnView Turn, CueMatch Match)? FirstWith(IReadOnlyList<TurnView> turns, Cue cue)
    {
        foreach (var turn in turns)
        {
            if (turn.First(cue) is { } match)
            {
                return (turn, match);
            }
        }

        return null;
    }
}
