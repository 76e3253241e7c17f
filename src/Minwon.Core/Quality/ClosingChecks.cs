using System.Text.RegularExpressions;

namespace Minwon.Core.Quality;

/// <summary>종료태도: a check for further questions after the opening, and a closing greeting in the last counsellor turns.</summary>
internal static partial class ClosingChecks
{
    private const int ClosingTurns = 3;

    public static void Run(ConsultationView view, FindingList findings)
    {
        var afterGreeting = view.Counsellor.Where(t => !view.InGreeting(t)).ToList();
        var check = afterGreeting.FirstOrDefault(t => t.Has(Cue.FurtherCheck));
        if (check is not null)
        {
            findings.Pass(BuiltInItems.FurtherQuestionsCheck, check, check.Excerpt(check.First(Cue.FurtherCheck)!.Value));
        }
        else
        {
            findings.Fail(BuiltInItems.FurtherQuestionsCheck);
        }

        var closing = afterGreeting.TakeLast(ClosingTurns).FirstOrDefault(t => t.Has(Cue.ClosingGreeting) || SignOff().IsMatch(t.Text.Original))
            ?? (afterGreeting.Count > 0 && EndsWithThanks(afterGreeting[^1]) ? afterGreeting[^1] : null);
        if (closing is not null)
        {
            findings.Pass(BuiltInItems.ClosingGreeting, closing, closing.First(Cue.ClosingGreeting) is { } m ? closing.Excerpt(m) : null);
        }
        else
        {
            findings.Fail(BuiltInItems.ClosingGreeting, null, view.Counsellor.Count > 0 ? view.Counsellor[^1].Excerpt() : null);
        }
    }

    // Thanks for something specific mid-consultation is not a goodbye, but as the very last words it is one
    // ("알려 주셔서 감사합니다").
    private static bool EndsWithThanks(TurnView turn)
    {
        var text = turn.Text.Chars;
        return Thanks.Any(t => text.EndsWith(t, StringComparison.Ordinal));
    }

    private static readonly string[] Thanks = ["감사합니다", "감사드립니다", "고맙습니다", "감사해요", "고마워요", "감사합니당"];

    // "상담사 김민지였습니다", "지금까지 ○○○이었습니다".
    [GeneratedRegex(@"(?:상담사|상담원|지금까지)\s*\S{0,6}\s*(?:였습니다|이었습니다|였어요|이었어요)")]
    private static partial Regex SignOff();
}
