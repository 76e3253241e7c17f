using Minwon.Core.Quality;

namespace Minwon.Core.Tests.Quality;

/// <summary>
/// A clean chat consultation to vary one turn at a time: greeting, request, confirmation, answer, further check,
/// closing. Tests swap one part and assert that only its area moves.
/// </summary>
internal sealed record Consultations
{
    public string Greeting { get; init; } = "안녕하세요, 서울시 120다산콜센터 상담사 김하늘입니다. 무엇을 도와드릴까요?";
    public string Request { get; init; } = "여권을 잃어버렸는데 재발급은 어디서 받아요?";
    public string Confirm { get; init; } = "여권 재발급 문의 주셨네요. 어느 구에 사세요?";
    public string Detail { get; init; } = "마포구요.";
    public string Answer { get; init; } = "마포구청 민원여권과에서 신분증과 사진 1매를 가지고 신청하시면 됩니다. 보통 4일 정도 걸립니다.";
    public string Check { get; init; } = "더 궁금하신 점 있으신가요?";
    public string CheckReply { get; init; } = "아니요, 없어요.";
    public string Closing { get; init; } = "감사합니다. 좋은 하루 되세요.";
    public ConsultationChannel Channel { get; init; } = ConsultationChannel.Chat;
    public double QueueSeconds { get; init; } = 12;

    public static Consultations Clean => new();

    public ConsultationRecord Build(string id = "test")
    {
        (Speaker, string)[] parts =
        [
            (Speaker.Counsellor, Greeting), (Speaker.Citizen, Request), (Speaker.Counsellor, Confirm), (Speaker.Citizen, Detail),
            (Speaker.Counsellor, Answer), (Speaker.Counsellor, Check), (Speaker.Citizen, CheckReply), (Speaker.Counsellor, Closing),
        ];
        return Record(id, Channel, QueueSeconds, parts.Where(p => p.Item2.Length > 0).ToArray());
    }

    /// <summary>Turns 15 seconds apart.</summary>
    public static ConsultationRecord Record(string id, ConsultationChannel channel, double queue, params (Speaker Speaker, string Text)[] turns) =>
        new(id, channel, [.. turns.Select((t, i) => new ConsultationTurn(t.Speaker, t.Text, i * 15.0))]) { QueueSeconds = queue };

    public static QualityResult Score(ConsultationRecord record) => QualityScorer.Default.Score(record);

    /// <summary>The areas scored under 100.</summary>
    public static string[] Lowered(QualityResult result) =>
        [.. QualityAreas.All.Where(a => result.Scores[a] < 100).Select(a => a.WireName())];

    public static string Explain(QualityResult result) =>
        string.Join("; ", result.Findings.Where(f => !f.Passed).Select(f => $"{f.Item}@{f.Turn} «{f.Evidence}»"));
}
