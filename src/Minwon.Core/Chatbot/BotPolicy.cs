using Minwon.Core.Korean;

namespace Minwon.Core.Chatbot;

/// <summary>
/// The chatbot's decisions, free of I/O: given where the dialog stands, what the citizen wrote and what the
/// knowledge search found, decide to answer, ask which of two answers, hand off to a counsellor, or take a
/// callback request. Confidence comes from the search score and its margin over the runner-up, because BM25
/// scores are not probabilities; the thresholds are calibrated on eval/knowledge (see docs/benchmarks.md).
/// </summary>
public sealed class BotPolicy(BotPolicyOptions options)
{
    private static readonly string[] HandoffWords =
        ["상담사", "상담원", "사람이랑", "사람하고", "사람과", "직원", "연결해", "연결좀", "통화하고", "전화로", "human", "agent", "operator",
            "counsellor", "counselor", "representative", "realperson", "talktoaperson", "talktosomeone", "speaktoaperson", "speaktosomeone"];

    private static readonly string[] YesWords =
        ["네", "예", "응", "ㅇㅇ", "넵", "넹", "yes", "감사", "고마", "도움이됐", "도움됐", "해결", "알겠", "됐어요", "좋아요", "ok",
            "yeah", "yep", "thank", "thx", "great", "perfect", "ithelped", "thathelped", "helpful"];

    private static readonly string[] NoWords =
        ["아니", "아뇨", "안돼", "no", "도움이안", "도움안", "모르겠", "다른거", "다른건", "그게아니", "틀렸", "별로",
            "nope", "nah", "notreally", "didnthelp", "doesnthelp", "wrong", "notwhat", "unhelpful"];

    public BotDecision Decide(BotState state, string text, IReadOnlyList<BotCandidate> hits, bool counsellorsOpen)
    {
        var compact = Compact(text);
        if (WantsCounsellor(compact))
        {
            return counsellorsOpen ? new BotDecision(BotAction.Handoff, HandoffReason.Requested) : new BotDecision(BotAction.OfferCallback);
        }

        if (state.Phase == BotPhase.AwaitingCallbackPhone)
        {
            return new BotDecision(BotAction.TakeCallback);
        }

        // "망원동이에요" says where, not what: searching it finds whatever article shares a syllable pair.
        if (IsOnlyPlace(compact))
        {
            return new BotDecision(BotAction.AskTopic);
        }

        if (state.Phase == BotPhase.AwaitingChoice && PickChoice(compact, state.Choices) is { } chosen)
        {
            return new BotDecision(BotAction.Answer, ArticleId: chosen);
        }

        if (state.Phase == BotPhase.AwaitingFeedback && compact.Length <= 16)
        {
            if (StartsWithAny(compact, NoWords))
            {
                // One "no" is not yet a reason to give up: the next best answer first, or a rephrased question;
                // the second "no" of the conversation hands off.
                if (state.Declines >= 1)
                {
                    return counsellorsOpen ? new BotDecision(BotAction.Handoff, HandoffReason.NotHelpful) : new BotDecision(BotAction.OfferCallback);
                }

                return state.Choices.Count > 0
                    ? new BotDecision(BotAction.AnswerNext, ArticleId: state.Choices[0])
                    : new BotDecision(BotAction.OfferRephrase);
            }

            if (StartsWithAny(compact, YesWords))
            {
                return new BotDecision(BotAction.Acknowledge);
            }
        }

        if (hits.Count == 0 || hits[0].Score < options.MinScore)
        {
            // The knowledge base is Korean: asking an English writer to rephrase finds nothing either, so a question in
            // a foreign script goes to a counsellor (the English queue) at once.
            return state.Misses + 1 >= options.MissesBeforeHandoff || hits.Count == 0 && compact.Length > 30 || IsMostlyLatin(compact)
                ? counsellorsOpen ? new BotDecision(BotAction.Handoff, HandoffReason.LowConfidence) : new BotDecision(BotAction.OfferCallback)
                : new BotDecision(BotAction.Rephrase);
        }

        if (hits.Count > 1 && hits[1].Score >= hits[0].Score * options.AmbiguityRatio && hits[1].Score >= options.MinScore)
        {
            return new BotDecision(BotAction.AskChoice, Choices: [hits[0].ArticleId, hits[1].ArticleId]);
        }

        return new BotDecision(BotAction.Answer, ArticleId: hits[0].ArticleId);
    }

    private static readonly string[] PlaceTails =
        ["이에요", "이예요", "예요", "에요", "입니다", "이요", "이고요", "인데요", "이에여", "이구요", "이야", "임", "요", "에서", "에", "쪽", "근처", "사는데요", "살아요", "살고있어요"];

    /// <summary>True when the message names only a place (구 or 동) with a copula or particle, and nothing to look up.</summary>
    public static bool IsOnlyPlace(string compact)
    {
        var rest = compact;
        var places = Reference.SeoulPlaces.Instance;
        var found = false;
        foreach (var name in places.ShortDistrictNames.OrderByDescending(n => n.Length))
        {
            if (name.Length >= 2 && rest.Contains(name, StringComparison.Ordinal))
            {
                rest = rest.Replace(name, "", StringComparison.Ordinal);
                found = true;
            }
        }

        var dong = System.Text.RegularExpressions.Regex.Match(rest, "[가-힣]{1,4}[0-9]?동");
        if (dong.Success && places.IsKnownDong(dong.Value))
        {
            rest = rest.Remove(dong.Index, dong.Length);
            found = true;
        }

        if (!found)
        {
            return false;
        }

        rest = rest.TrimStart('구');
        foreach (var tail in PlaceTails.OrderByDescending(t => t.Length))
        {
            while (rest.Length > 0 && (rest.EndsWith(tail, StringComparison.Ordinal) || rest.StartsWith(tail, StringComparison.Ordinal)))
            {
                rest = rest.EndsWith(tail, StringComparison.Ordinal) ? rest[..^tail.Length] : rest[tail.Length..];
            }
        }

        return rest.Length == 0;
    }

    /// <summary>The article ids worth offering after the first answer, best first (runners-up above <see cref="BotPolicyOptions.MinScore"/>).</summary>
    public IReadOnlyList<string> Alternatives(IReadOnlyList<BotCandidate> hits, string answered) =>
        hits.Where(h => h.ArticleId != answered && h.Score >= options.MinScore).Select(h => h.ArticleId).Take(2).ToList();

    /// <summary>True when most letters of the text are Latin (an English question), so a Korean search cannot serve it.</summary>
    public static bool IsMostlyLatin(string compact)
    {
        var latin = compact.Count(char.IsAsciiLetter);
        var hangul = compact.Count(c => Hangul.IsSyllable(c) || Hangul.IsCompatibilityJamo(c));
        return latin >= 4 && latin > 3 * hangul;
    }

    public static bool WantsCounsellor(string compact) =>
        HandoffWords.Any(w => compact.Contains(w, StringComparison.OrdinalIgnoreCase));

    private static string? PickChoice(string compact, IReadOnlyList<string> choices)
    {
        if (choices.Count == 0)
        {
            return null;
        }

        string[][] ordinals = [["1", "첫", "일번", "하나", "앞에"], ["2", "두", "이번", "둘", "뒤에"]];
        for (var i = 0; i < Math.Min(choices.Count, ordinals.Length); i++)
        {
            if (compact.Length <= 8 && ordinals[i].Any(o => compact.StartsWith(o, StringComparison.Ordinal)))
            {
                return choices[i];
            }
        }

        return null;
    }

    private static bool StartsWithAny(string compact, string[] words) =>
        words.Any(w => compact.StartsWith(w, StringComparison.OrdinalIgnoreCase) || compact.Length <= 6 && compact.Contains(w, StringComparison.OrdinalIgnoreCase));

    /// <summary>Lower-case, no spaces or punctuation: 상담사 연결해주세요! → 상담사연결해주세요.</summary>
    public static string Compact(string text) =>
        new(text.Normalize(System.Text.NormalizationForm.FormKC).ToLowerInvariant()
            .Where(c => char.IsLetterOrDigit(c) || Hangul.IsCompatibilityJamo(c)).ToArray());
}

public sealed record BotPolicyOptions
{
    /// <summary>Below this search score the bot does not answer.</summary>
    public float MinScore { get; init; } = 4.0f;

    /// <summary>A runner-up scoring at least this share of the best makes the bot ask which one was meant.</summary>
    public float AmbiguityRatio { get; init; } = 0.92f;

    /// <summary>Questions the bot could not answer before it hands off by itself.</summary>
    public int MissesBeforeHandoff { get; init; } = 2;
}

public enum BotPhase { Idle, AwaitingFeedback, AwaitingChoice, AwaitingCallbackPhone, HandedOff }

/// <param name="Choices">Asked for a choice: the two offered articles. Awaiting feedback: the next best answers to offer after a "no".</param>
/// <param name="Declines">How often the citizen said an answer did not help; the second time hands off.</param>
public sealed record BotState(BotPhase Phase, IReadOnlyList<string> Choices, int Misses, int Declines = 0)
{
    public static readonly BotState Start = new(BotPhase.Idle, [], 0);
}

public sealed record BotCandidate(string ArticleId, float Score);

/// <summary>
/// <see cref="AnswerNext"/>: after a "no", the next best article; <see cref="OfferRephrase"/>: after a "no" with nothing
/// else to offer, ask the citizen to say it another way (or ask for a counsellor).
/// </summary>
public enum BotAction { Answer, AskChoice, Handoff, Acknowledge, Rephrase, OfferCallback, TakeCallback, AskTopic, AnswerNext, OfferRephrase }

public enum HandoffReason { None, Requested, LowConfidence, NotHelpful }

public sealed record BotDecision(BotAction Action, HandoffReason Reason = HandoffReason.None, string? ArticleId = null,
    IReadOnlyList<string>? Choices = null);
