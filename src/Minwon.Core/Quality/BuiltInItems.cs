namespace Minwon.Core.Quality;

/// <summary>
/// The checks the scorer implements, each in exactly one area, so a defect lowers one area and no other.
/// Scorecards choose among them, weigh them and may mark them critical; they cannot move them to another area.
/// </summary>
public static class BuiltInItems
{
    public const string GreetingPhrase = "greeting_phrase";
    public const string InstitutionNamed = "institution_named";
    public const string CounsellorNamed = "counsellor_named";
    public const string HonorificSpeech = "honorific_speech";
    public const string NoBlameOrSarcasm = "no_blame_or_sarcasm";
    public const string EmpathyOnComplaint = "empathy_on_complaint";
    public const string NoProfanity = "no_profanity";
    public const string RequestConfirmed = "request_confirmed";
    public const string AnswerOrNextStep = "answer_or_next_step";
    public const string NoDeadEnd = "no_dead_end";
    public const string QueueTimeTarget = "queue_time_target";
    public const string QueueTimeLimit = "queue_time_limit";
    public const string HoldAnnounced = "hold_announced";
    public const string HoldLength = "hold_length";
    public const string TransfersLimited = "transfers_limited";
    public const string NoAbandonedAttempts = "no_abandoned_attempts";
    public const string FurtherQuestionsCheck = "further_questions_check";
    public const string ClosingGreeting = "closing_greeting";

    public static readonly IReadOnlyDictionary<string, (QualityArea Area, string Label)> Catalogue =
        new Dictionary<string, (QualityArea, string)>(StringComparer.Ordinal)
        {
            [GreetingPhrase] = (QualityArea.Greeting, "첫인사"),
            [InstitutionNamed] = (QualityArea.Greeting, "기관명 소개"),
            [CounsellorNamed] = (QualityArea.Greeting, "상담사 이름 소개"),
            [HonorificSpeech] = (QualityArea.Attitude, "존댓말 사용 (반말 없음)"),
            [NoBlameOrSarcasm] = (QualityArea.Attitude, "탓하기·짜증·비꼬기 없음"),
            [EmpathyOnComplaint] = (QualityArea.Attitude, "불편 호소에 공감 표현"),
            [NoProfanity] = (QualityArea.Attitude, "욕설·모욕 없음"),
            [RequestConfirmed] = (QualityArea.Handling, "문의 내용 확인"),
            [AnswerOrNextStep] = (QualityArea.Handling, "답변 또는 구체적 다음 단계"),
            [NoDeadEnd] = (QualityArea.Handling, "대안 없는 거절 없음"),
            [QueueTimeTarget] = (QualityArea.Reachability, "목표 시간 내 연결"),
            [QueueTimeLimit] = (QualityArea.Reachability, "장시간 대기 없음"),
            [HoldAnnounced] = (QualityArea.Reachability, "대기 전 양해 안내"),
            [HoldLength] = (QualityArea.Reachability, "대기 시간 한도"),
            [TransfersLimited] = (QualityArea.Reachability, "돌려막기 없음 (전환 횟수)"),
            [NoAbandonedAttempts] = (QualityArea.Reachability, "앞선 연결 실패 없음"),
            [FurtherQuestionsCheck] = (QualityArea.Closing, "추가 문의 확인"),
            [ClosingGreeting] = (QualityArea.Closing, "끝인사"),
        };

    public static bool TryGet(string id, out QualityArea area)
    {
        var found = Catalogue.TryGetValue(id, out var entry);
        area = entry.Area;
        return found;
    }
}
