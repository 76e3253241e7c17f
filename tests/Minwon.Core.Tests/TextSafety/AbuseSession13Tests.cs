using Minwon.Core.TextSafety;

namespace Minwon.Core.Tests.TextSafety;

/// <summary>
/// Issue 13, session 13: the addressee word test reads the whole word, a contempt rule and the insult it holds count once,
/// the complaint guard reads second-person words as words, threats quoted in a report, and the new co-occurrence classes
/// (routine-knowing and meeting-outside threats, honorific sarcasm, a counterfactual comparison with the person).
/// </summary>
public sealed class AbuseSession13Tests
{
    private static readonly AbuseDetector Detector = new();

    [Theory]
    [InlineData(" 너도밤나무 가로수가 쓰러졌어요 ", false)]
    [InlineData(" 너도나도 주차를 해요 ", false)]
    [InlineData(" 도로 너비가 좁아요 ", false)]
    [InlineData(" 공원에 너구리가 나왔어요 ", false)]
    [InlineData(" 상담원연결 버튼이 안 눌려요 ", false)]
    [InlineData(" 너같은 게 뭘 알아 ", true)]
    [InlineData(" 너도 똑같아 ", true)]
    [InlineData(" 당신들은 뭐 하는 사람들이야 ", true)]
    [InlineData(" 상담원님 잠깐만요 ", true)]
    [InlineData(" 너? 진짜? ", true)]
    public void Reads_an_addressee_only_when_the_rest_of_the_word_is_a_particle(string cleaned, bool expected) =>
        Assert.Equal(expected, AbuseFeatures.IsAddressed(cleaned));

    [Fact]
    public void A_contempt_cue_that_is_a_curated_insult_counts_once()
    {
        // 기생충 is a curated insult and a targeted-contempt cue (0.75 with a person word): one piece of evidence, the
        // stronger of the two (before session 13 there were two, read as independent cues).
        var alone = Detector.Classify("기생충 같은 정책이네").Evidence.Single(e => e.Label == AbuseLabel.Insult).Weight;
        var verdict = Detector.Classify("상담원 완전 기생충 같은 사람이네");
        var insult = Assert.Single(verdict.Evidence, e => e.Label == AbuseLabel.Insult);
        Assert.Equal(Math.Max(alone, 0.75), insult.Weight, 3);
    }

    [Theory]
    [InlineData("너무늦게처리돼요민원넣은지한달", "너무 늦게 처리돼요 민원 넣은 지 한 달", true)]
    [InlineData("작년에신고한가로등아직도꺼져있어요", "작년에 신고한 가로등 아직도 꺼져 있어요", true)]
    [InlineData("당신이처리한민원이잘못됐어요", "당신이 처리한 민원이 잘못됐어요", false)]
    [InlineData("너는민원처리도못하냐", "너는 민원 처리도 못하냐", false)]
    [InlineData("민원처리하는놈들", "민원 처리하는 놈들", false)]
    public void The_complaint_guard_reads_second_person_words_as_words(string flat, string raw, bool expected) =>
        Assert.Equal(expected, ComplaintGuard.IsServiceComplaint(flat, raw));

    /// <summary>The innocent-compound guard reads second-person words as words too (review, session 13).</summary>
    [Theory]
    [InlineData("너무맛있는홍어무침", "너무 맛있는 홍어무침", true)]
    [InlineData("작년에먹은홍어삼합파는시장알려주세요", "작년에 먹은 홍어삼합 파는 시장 알려 주세요", true)]
    [InlineData("한남동너무막혀요", "한남동 너무 막혀요", true)]
    [InlineData("너는홍어무침이나먹어", "너는 홍어무침이나 먹어", false)]
    [InlineData("당신한남동살지", "당신 한남동 살지", false)]
    [InlineData("홍어삼합같은년", "홍어삼합 같은년", false)]
    public void The_compound_guard_reads_second_person_words_as_words(string flat, string raw, bool expected) =>
        Assert.Equal(expected, ComplaintGuard.IsInnocentCompound(flat, raw));

    [Theory]
    [InlineData("아랫집 아저씨가 계단에서 죽여버린다고 고함쳤어요 신고하려고요")]
    [InlineData("놀이터 미끄럼틀에 누가 개새끼라고 낙서를 해 놨어요")]
    [InlineData("퇴근길에 비 많이 온대요 상담사님 조심히 들어가세요")]
    [InlineData("상담원님 정말 대단하세요 덕분에 해결됐어요 감사합니다")]
    [InlineData("공원에 너도밤나무 가지가 부러져서 길을 막았어요 치워 주세요")]
    public void Leaves_reports_kindness_and_look_alikes_unflagged(string text) =>
        Assert.False(Detector.Classify(text).IsAbusive, $"{text}: {Detector.Classify(text).Score}");

    [Theory]
    [InlineData("너 죽여버린다고 했지 기다려")]
    [InlineData("담당자님 사시는 동네 제가 알아요")]
    [InlineData("상담원 양반 따님 등하굣길 잘 챙기셔야겠네요")]
    public void Flags_threats_said_to_the_person(string text)
    {
        var verdict = Detector.Classify(text);
        Assert.True(verdict.IsAbusive, $"{text}: {verdict.Score}");
        Assert.Equal(AbuseLabel.Threat, verdict.Label);
    }

    [Theory]
    [InlineData("참 잘나셨네요 그 머리로 여기 앉아 계시다니", AbuseLabel.Insult)]
    [InlineData("원숭이가 전화 받아도 너보다는 낫겠다", AbuseLabel.Insult)]
    [InlineData("밖에서 마주치면 그때 봅시다 상담원 양반", AbuseLabel.Threat)]
    public void Finds_evidence_for_sarcasm_comparison_and_meeting_threats(string text, AbuseLabel label) =>
        Assert.Contains(Detector.Classify(text).Evidence, e => e.Label == label);
}
