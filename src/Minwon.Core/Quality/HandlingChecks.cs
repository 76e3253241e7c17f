using Minwon.Core.Korean;

namespace Minwon.Core.Quality;

/// <summary>
/// 업무처리: the request understood (a confirming or clarifying question, or the counsellor taking up the citizen's
/// own words), an answer or a concrete next step, and no dead end: "저희 소관 아니에요" needs a number, an office, a
/// transfer or a filed case after it; "잘 모르겠어요" needs at least an answer after it.
/// </summary>
internal static class HandlingChecks
{
    private const int MaxRequestTurns = 4;
    private const int SubstantiveLength = 14;
    private const int RepliesToRequest = 3;

    // Words every consultation shares; overlap on them says nothing about the request.
    private static readonly HashSet<string> Common = new(StringComparer.Ordinal)
    {
        "안녕", "감사", "고맙", "네네", "그래", "그러", "그런", "그럼", "그거", "그게", "그건", "이거", "이게", "이건", "저기", "여기",
        "거기", "제가", "저희", "저는", "혹시", "지금", "오늘", "어제", "내일", "문의", "궁금", "알겠", "알고", "모르", "확인", "말씀",
        "상담", "고객", "선생", "부탁", "수고", "아니", "있는", "있어", "없는", "없어", "하는", "해서", "하고", "합니", "입니", "됩니",
        "되는", "같은", "같아", "어떻", "어디", "언제", "무엇", "뭐가", "무슨", "여보", "다른", "정말", "진짜", "너무", "많이", "조금",
        "그냥", "계속", "이번", "저번", "이제", "아까", "방금", "바로", "먼저", "다음", "우리", "때문", "경우", "관련", "대해", "통해",
        "위해", "하나", "사람", "생각", "시간", "전화", "연락", "좋은", "하루", "다산", "서울", "센터", "콜센", "민원", "안내", "도와",
        "드리", "드릴", "해주", "해요", "하세", "주세", "싶어", "싶은", "건데", "한데", "인데", "는데", "이요", "에요", "예요", "해야",
    };

    public static void Run(ConsultationView view, FindingList findings)
    {
        if (view.Counsellor.Count == 0)
        {
            findings.Fail(BuiltInItems.RequestConfirmed);
            findings.Fail(BuiltInItems.AnswerOrNextStep);
            findings.Fail(BuiltInItems.NoDeadEnd);
            return;
        }

        RequestConfirmed(view, findings);
        AnswerOrNextStep(view, findings);
        NoDeadEnd(view, findings);
    }

    private static void RequestConfirmed(ConsultationView view, FindingList findings)
    {
        if (!findings.Wants(BuiltInItems.RequestConfirmed))
        {
            return;
        }

        foreach (var turn in view.Counsellor)
        {
            if (turn.Has(Cue.FurtherCheck) || turn.Has(Cue.ClosingGreeting) && !view.InGreeting(turn))
            {
                continue;
            }

            var match = turn.First(Cue.Confirm) ?? (view.InGreeting(turn) ? null : turn.First(Cue.OpeningQuestion));
            if (match is { } m)
            {
                findings.Pass(BuiltInItems.RequestConfirmed, turn, turn.Excerpt(m));
                return;
            }
        }

        // A question back to the citizen, or an answer soon after the request, shows it was heard.
        var request = view.Citizen.FirstOrDefault(t => t.Text.Chars.Length > 3);
        var reply = request is null ? null : view.Counsellor.Where(t => t.Position > request.Position && !IsSmallTalk(view, t))
            .Take(RepliesToRequest).FirstOrDefault(t => IsQuestion(t) || t.Has(Cue.Answer) || HasConcreteStep(view, t));
        if (reply is not null)
        {
            findings.Pass(BuiltInItems.RequestConfirmed, reply);
            return;
        }

        // Taking up the citizen's own words ("여권 재발급은 ...", 안경 in 색안경) shows the request was understood.
        var requestWords = view.Citizen.Where(t => t.Text.Chars.Length > 3).Take(MaxRequestTurns)
            .SelectMany(t => ContentBigrams(t.Text.Original)).ToHashSet(StringComparer.Ordinal);
        if (requestWords.Count > 0)
        {
            var echo = view.Counsellor.FirstOrDefault(t => ContentBigrams(t.Text.Original).Any(requestWords.Contains));
            if (echo is not null)
            {
                findings.Pass(BuiltInItems.RequestConfirmed, echo);
                return;
            }
        }

        findings.Fail(BuiltInItems.RequestConfirmed);
    }

    private static void AnswerOrNextStep(ConsultationView view, FindingList findings)
    {
        foreach (var turn in view.Counsellor)
        {
            var match = ConcreteCue(view, turn) ?? (IsSmallTalk(view, turn) ? null : turn.First(Cue.Answer) ?? turn.First(Cue.Statement));
            if (match is { } m)
            {
                findings.Pass(BuiltInItems.AnswerOrNextStep, turn, turn.Excerpt(m));
                return;
            }

            if (NextSteps.HasConcrete(turn.Text) || NextSteps.HasFigure(turn.Text.Original) || IsSubstantive(view, turn))
            {
                findings.Pass(BuiltInItems.AnswerOrNextStep, turn);
                return;
            }
        }

        findings.Fail(BuiltInItems.AnswerOrNextStep);
    }

    private static void NoDeadEnd(ConsultationView view, FindingList findings)
    {
        if (!view.Counsellor.Any(t => t.Has(Cue.Refusal) || t.Has(Cue.Unsure)))
        {
            findings.Pass(BuiltInItems.NoDeadEnd);
            return;
        }

        // From the end backwards: is there a concrete next step, or an answer, at or after each counsellor turn?
        var counsellor = view.Counsellor;
        var concreteFrom = new bool[counsellor.Count + 1];
        var answerFrom = new bool[counsellor.Count + 1];
        for (var i = counsellor.Count - 1; i >= 0; i--)
        {
            var t = counsellor[i];
            concreteFrom[i] = concreteFrom[i + 1] || HasConcreteStep(view, t);
            answerFrom[i] = answerFrom[i + 1] || !IsSmallTalk(view, t) && !t.Has(Cue.Unsure)
                && (t.Has(Cue.Answer) || NextSteps.HasFigure(t.Text.Original));
        }

        for (var i = 0; i < counsellor.Count; i++)
        {
            var turn = counsellor[i];
            var refusal = turn.First(Cue.Refusal);
            var unsure = turn.First(Cue.Unsure);
            if (refusal is null && unsure is null)
            {
                continue;
            }

            // "Not ours" needs a number, an office, a transfer or a filed case; "I don't know" at least an answer.
            var answerAfter = answerFrom[i + 1] || unsure is { } u && (turn.Cues.Any(c => c.Cue == Cue.Answer && c.Start >= u.End)
                || NextSteps.HasFigure(turn.Text.Original[Math.Min(turn.Text.Original.Length, turn.Text.Source[u.End - 1] + 1)..]));
            // "여권은 구청 민원여권과 담당이에요." then "그쪽에 문의하세요": the office was named just before.
            var namedBefore = i > 0 && !IsQuestion(counsellor[i - 1]) && HasConcreteStep(view, counsellor[i - 1]);
            var resolved = concreteFrom[i] || namedBefore || refusal is null && answerAfter;
            if (!resolved)
            {
                findings.Fail(BuiltInItems.NoDeadEnd, turn, turn.Excerpt((refusal ?? unsure)!.Value));
                return;
            }
        }

        findings.Pass(BuiltInItems.NoDeadEnd);
    }

    private static bool HasConcreteStep(ConsultationView view, TurnView turn) =>
        ConcreteCue(view, turn) is not null || NextSteps.HasConcrete(turn.Text);

    private static bool IsQuestion(TurnView turn) =>
        turn.Text.Original.TrimEnd().EndsWith('?') || turn.Has(Cue.Confirm) || QuestionEnding(turn.Text);

    // Transcripts carry no question marks: 되세요, 있으세요, -ㄹ까요, -나요, -신가요, -시죠 end a question.
    private static bool QuestionEnding(CompactText text) =>
        text.Words.Count > 0 && QuestionEndings.Any(e => text.Words[^1].Text.EndsWith(e, StringComparison.Ordinal));

    private static readonly string[] QuestionEndings = ["까요", "나요", "신가요", "인가요", "신지요", "시죠", "세요", "셨어요", "십니까", "습니까", "ㅂ니까", "가요", "죠"];

    // A statement of some length that is neither small talk, nor a question, nor a refusal: an answer in words the
    // lexicon does not know ("등록대행하는 동물병원 가서 해.").
    private static bool IsSubstantive(ConsultationView view, TurnView turn) =>
        turn.Text.Chars.Length >= SubstantiveLength && !IsSmallTalk(view, turn) && !turn.Has(Cue.Refusal) && !turn.Has(Cue.Unsure)
        && !IsQuestion(turn) && !turn.Has(Cue.HoldAnnounce);

    // Greeting, closing and "anything else?" turns say "입니다" and "있으시면" without informing anybody of anything.
    private static bool IsSmallTalk(ConsultationView view, TurnView turn) =>
        view.InGreeting(turn) || turn.Has(Cue.FurtherCheck) || turn.Has(Cue.ClosingGreeting);

    // A named office in the greeting ("서울시청 민원실입니다") is the counsellor's own institution, not a next step.
    private static CueMatch? ConcreteCue(ConsultationView view, TurnView turn)
    {
        foreach (var m in turn.Cues)
        {
            if (m.Cue == Cue.Concrete && !(view.InGreeting(turn) && turn.Cues.Any(o => o.Cue == Cue.Institution && o.Overlaps(m))))
            {
                return m;
            }
        }

        return null;
    }

    // Syllable pairs inside word stems; pairs every consultation shares (안녕, 문의, 확인 ...) never count.
    private static IEnumerable<string> ContentBigrams(string text)
    {
        foreach (var token in KoreanTokens.Stems(text))
        {
            var stem = token.Term;
            for (var i = 0; i + 1 < stem.Length; i++)
            {
                if (Hangul.IsSyllable(stem[i]) && Hangul.IsSyllable(stem[i + 1]))
                {
                    var pair = stem.Substring(i, 2);
                    if (!Common.Contains(pair))
                    {
                        yield return pair;
                    }
                }
            }
        }
    }
}
