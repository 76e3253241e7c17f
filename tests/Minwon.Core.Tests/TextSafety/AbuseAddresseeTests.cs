using Minwon.Core.TextSafety;

namespace Minwon.Core.Tests.TextSafety;

/// <summary>Issue 13, session 9: the second-person signal and the look-alikes of this pass.</summary>
public sealed class AbuseAddresseeTests
{
    private static readonly AbuseDetector Detector = new();

    [Theory]
    [InlineData(" 당신 같은 사람을 뽑았네 ", true)]
    [InlineData(" 너 지금 뭐 하냐 ", true)]
    [InlineData(" 니가 뭘 알아 ", true)]
    [InlineData(" 상담원 주제에 ", true)]
    [InlineData(" 그쪽 사무실 몇 층이에요 ", true)]
    [InlineData(" 너무 늦게 와요 버스가 ", false)]
    [InlineData(" 산 너머 동네 공사요 ", false)]
    [InlineData(" 주차 단속 문의드립니다 ", false)]
    public void Knows_when_a_line_addresses_someone(string cleaned, bool expected) =>
        Assert.Equal(expected, AbuseFeatures.IsAddressed(cleaned));

    [Fact]
    public void Adds_features_only_to_an_addressed_line()
    {
        var features = new List<(int Index, float Value)>();
        var plain = "모자란 정책이네";
        var addressed = "당신 모자란 사람이네";
        Detector.Features(plain, (1 << 18) - 1, features);
        var plainCount = features.Count;
        Detector.Features(addressed, (1 << 18) - 1, features);
        var addressedCount = features.Count;
        Detector.Features("그 모자란 사람이네", (1 << 18) - 1, features);
        Assert.True(addressedCount > features.Count, $"{addressedCount} features with 당신, {features.Count} without");
        Assert.True(plainCount > 0);

        // 당신 is one syllable longer than 그, so the count above differs by n-grams alone; 너 and 그 are the same shape
        // (one open syllable), so only the addressee features can tell these two apart.
        Detector.Features("너 모자란 사람이네", (1 << 18) - 1, features);
        var you = features.Count;
        Detector.Features("그 모자란 사람이네", (1 << 18) - 1, features);
        Assert.True(you > features.Count, $"{you} features with 너, {features.Count} with 그");
    }

    [Fact]
    public void A_likely_term_said_to_the_person_addressed_stands()
    {
        // Session 11: the line was "당신 정말 멍청한 사람이네요"; the model retrained on addressed contempt scores it above
        // 멍청한's weight (0.82 > 0.75), so the override had nothing left to raise there. 모지리 (0.8) it still scores below.
        const string text = "당신 정말 모지리 같은 사람이네요";
        var addressed = new AbuseDetector(new TextSafetyOptions());
        var off = new AbuseDetector(new TextSafetyOptions { AddressedOverride = 1, LexiconOverride = 1 });
        Assert.True(addressed.Classify(text).IsAbusive);
        Assert.True(addressed.Classify(text).Score >= off.Classify(text).Score);
        Assert.True(addressed.Classify(text).Score >= 0.75);

        // The assertions above hold whether or not the override acts (it only ever raises a score): here it must raise
        // this line's, and leave the same term alone when nobody is addressed.
        Assert.True(addressed.Classify(text).Score > off.Classify(text).Score);
        const string unaddressed = "정말 모지리 같은 사람이네요";
        Assert.Equal(off.Classify(unaddressed).Score, addressed.Classify(unaddressed).Score);
    }

    /// <summary>
    /// Session 11 moved the two tests around this one to a 모지리 line (the retrained model scores the 멍청한 line above
    /// the term's weight, so the override shows nothing there) and with it dropped the assertion that the 멍청한 line,
    /// issue 13's example, is abuse. It still must be an insult, wherever the addressee stands and whatever space comes
    /// before it.
    /// </summary>
    [Theory]
    [InlineData("당신 정말 멍청한 사람이네요")]
    [InlineData("정말 당신 멍청한 사람이네요")]
    [InlineData("정말  당신 멍청한 사람이네요")]
    [InlineData("정말\n당신 멍청한 사람이네요")]
    [InlineData("정말\t당신 멍청한 사람이네요")]
    public void The_first_addressed_line_is_still_an_insult(string text)
    {
        var verdict = Detector.Classify(text);
        Assert.Equal(AbuseLabel.Insult, verdict.Label);
        Assert.True(verdict.Score >= 0.75, $"{text}: score {verdict.Score}");
    }

    /// <summary>
    /// The override reads the addressee from the line cleaned as the features read it: a double space, a tab or a line
    /// break before 당신 once hid it (the raw line was split at single spaces only, and an empty word ended the scan).
    /// </summary>
    [Theory]
    [InlineData("정말 당신 모지리 같은 사람이네요")]
    [InlineData("정말  당신 모지리 같은 사람이네요")]
    [InlineData("정말\n당신 모지리 같은 사람이네요")]
    [InlineData("정말\t당신 모지리 같은 사람이네요")]
    public void Finds_the_addressee_across_any_whitespace(string text)
    {
        var addressed = new AbuseDetector(new TextSafetyOptions());
        var off = new AbuseDetector(new TextSafetyOptions { AddressedOverride = 1, LexiconOverride = 1 });
        Assert.True(addressed.Classify(text).Score > off.Classify(text).Score, $"{text}: {addressed.Classify(text).Score} vs {off.Classify(text).Score}");
    }

    [Theory]
    [InlineData("아이가 자지러지게 울어서 병원 가려고요")]
    [InlineData("한남대교 남단에 차가 막혀요")]
    [InlineData("지랄탄 쏘던 시절 이야기를 어르신들이 하시네요")]
    [InlineData("하 진짜 한숨밖에 안 나온다 이게 나라냐")]
    public void Leaves_look_alikes_and_complaints_unflagged(string text) => Assert.False(Detector.Classify(text).IsAbusive, text);

    [Theory]
    [InlineData("당신 같은 건 태어나지 말았어야 해")]
    [InlineData("인간 말종이 따로 없네")]
    [InlineData("니 애미가 그렇게 가르치디?")]
    [InlineData("머리는 장식으로 달고 다니세요?")]
    [InlineData("혼자 사는 상담원이면 밤에 외롭겠네 내가 가 줄까")]
    [InlineData("당신 애가 어느 학교 다니는지 찾는 건 일도 아니에요")]
    public void Flags_contempt_threats_and_harassment_without_a_swear_word(string text) =>
        Assert.True(Detector.Classify(text).IsAbusive, text);
}
