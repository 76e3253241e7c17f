using Minwon.Core.TextSafety;

namespace Minwon.Core.Tests.TextSafety;

public sealed class AbuseDetectorTests
{
    private static readonly AbuseDetector Detector = new();

    [Theory]
    [InlineData("씨발 언제까지 기다려야 돼", AbuseLabel.Profanity)]
    [InlineData("ㅅㅂ 또 대기야", AbuseLabel.Profanity)]
    [InlineData("ㅆㅂ", AbuseLabel.Profanity)]
    [InlineData("ㅈㄹ하네", AbuseLabel.Profanity)]
    [InlineData("시.발 장난하냐", AbuseLabel.Profanity)]
    [InlineData("시 발 진짜", AbuseLabel.Profanity)]
    [InlineData("시1발", AbuseLabel.Profanity)]
    [InlineData("ㅅ1ㅂ", AbuseLabel.Profanity)]
    [InlineData("tlqkf 뭐야", AbuseLabel.Profanity)]
    [InlineData("씨이이발", AbuseLabel.Profanity)]
    [InlineData("씨.이.발", AbuseLabel.Profanity)]
    [InlineData("ㅆ1ㅂ", AbuseLabel.Profanity)]
    [InlineData("ｓｉｂａｌ", AbuseLabel.Profanity)]
    [InlineData("ㅗㅗ", AbuseLabel.Insult)]
    [InlineData("ㅂㅅ같이 일하네", AbuseLabel.Insult)]
    [InlineData("18놈들아", AbuseLabel.Insult)]
    [InlineData("멍청이야 그것도 몰라", AbuseLabel.Insult)]
    [InlineData("쓰레기 같은 놈", AbuseLabel.Insult)]
    [InlineData("머리가 나쁘냐", AbuseLabel.Insult)]
    [InlineData("니가 뭘 알아", AbuseLabel.Insult)]
    [InlineData("죽여버린다", AbuseLabel.Threat)]
    [InlineData("찾아가서 가만 안 둔다", AbuseLabel.Threat)]
    [InlineData("칼 들고 간다", AbuseLabel.Threat)]
    [InlineData("구청에 불 질러버릴 거야", AbuseLabel.Threat)]
    [InlineData("시청 폭파시켜버린다", AbuseLabel.Threat)]
    [InlineData("씨발 죽여버린다", AbuseLabel.Threat)]
    [InlineData("목소리 섹시하네", AbuseLabel.Sexual)]
    [InlineData("몇 살이야 애인 있어?", AbuseLabel.Sexual)]
    [InlineData("tprtm 하자", AbuseLabel.Sexual)]
    public void Labels_abusive_lines_including_disguised_ones(string text, AbuseLabel expected)
    {
        var verdict = Detector.Classify(text);
        Assert.Equal(expected, verdict.Label);
        Assert.InRange(verdict.Score, 0.5, 1.0);
        Assert.NotEmpty(verdict.Evidence);
    }

    [Theory]
    [InlineData("시발점이 어디예요")]
    [InlineData("개인정보 수정하려고요")]
    [InlineData("노래방 십팔번이 뭐예요")]
    [InlineData("수박씨 발라 먹었어요")]
    [InlineData("병원 예약 문의요")]
    [InlineData("미친 듯이 좋다 이번 축제")]
    [InlineData("새끼손가락을 다쳤어요")]
    [InlineData("가로등이 꺼져 있어요")]
    [InlineData("쓰레기 수거 요일이 언제예요")]
    [InlineData("유방암 검진 무료인가요")]
    [InlineData("왜 이렇게 일처리가 느려요")]
    [InlineData("진짜 화나네요")]
    [InlineData("담당자 바꿔주세요")]
    [InlineData("민원 넣을 거예요")]
    [InlineData("언론에 제보하겠습니다")]
    [InlineData("고소하겠다")]
    [InlineData("내일 구청에 직접 찾아갈게요")]
    [InlineData("누가 쓰레기에 불을 질렀어요")]
    [InlineData("알아보지도 않고 안 된대요")]
    [InlineData("김씨 이발소 위치")]
    [InlineData("감염병 예방 수칙")]
    [InlineData("1998년에 전입했어요")]
    [InlineData("2023년 아깝네요")]
    [InlineData("공사가지고 길이 막혀요")]
    public void Leaves_innocent_and_merely_angry_lines_alone(string text)
    {
        var verdict = Detector.Classify(text);
        Assert.Equal(AbuseLabel.None, verdict.Label);
        Assert.True(verdict.Score < 0.5, $"score {verdict.Score}");
    }

    [Fact]
    public void Still_swears_when_the_next_word_starts_with_an_innocent_syllable()
    {
        Assert.Equal(AbuseLabel.Profanity, Detector.Classify("시발 전화를 몇번째 하는거야").Label);
    }

    [Fact]
    public void Points_the_evidence_at_the_original_characters()
    {
        const string text = "아 진짜 시.발 뭐야";
        var evidence = Assert.Single(Detector.Classify(text).Evidence);
        Assert.Equal("시.발", text[evidence.Start..evidence.End]);
    }

    [Fact]
    public void Honours_a_higher_threshold()
    {
        var strict = new AbuseDetector(new TextSafetyOptions { AbuseThreshold = 0.99 });
        Assert.Equal(AbuseLabel.None, strict.Classify("바보야").Label);
        Assert.Equal(AbuseLabel.Insult, Detector.Classify("바보야").Label);
    }

    [Fact]
    public void Honours_a_per_label_threshold()
    {
        var score = Detector.Classify("한심하네요").Score;
        var lenient = new AbuseDetector(new TextSafetyOptions { InsultThreshold = score - 0.01 });
        var strict = new AbuseDetector(new TextSafetyOptions { AbuseThreshold = score - 0.01, InsultThreshold = score + 0.01 });
        Assert.Equal(AbuseLabel.Insult, lenient.Classify("한심하네요").Label);
        Assert.Equal(AbuseLabel.None, strict.Classify("한심하네요").Label);
    }

    [Theory]
    [InlineData("digits")]
    [InlineData("hangul")]
    [InlineData("mixed")]
    [InlineData("separators")]
    public void Survives_a_one_megabyte_line(string shape)
    {
        var verdict = Detector.Classify(PiiMaskerRobustnessTests.MegabyteLine(shape));
        Assert.InRange(verdict.Score, 0, 1);
        Assert.Equal(shape == "mixed", verdict.IsAbusive);
    }

    [Fact]
    public void Copes_with_lone_surrogates_control_characters_and_empty_lines()
    {
        Assert.Equal(AbuseLabel.None, Detector.Classify("").Label);
        Assert.Equal(AbuseLabel.None, Detector.Classify("\uD800\u0000\u001F").Label);
        Assert.Equal(AbuseLabel.Profanity, Detector.Classify("\uD800씨\u0000발\uDC00").Label);
    }

    [Fact]
    public void Is_safe_to_share_between_threads()
    {
        var lines = Enumerable.Range(0, 2000).Select(i => i % 3 == 0 ? $"씨발 {i}번째" : i % 3 == 1 ? $"민원 {i}건 접수" : $"죽여버린다 {i}").ToArray();
        var expected = lines.Select(l => Detector.Classify(l).Label).ToArray();
        var actual = new AbuseLabel[lines.Length];
        Parallel.For(0, lines.Length, i => actual[i] = Detector.Classify(lines[i]).Label);
        Assert.Equal(expected, actual);
    }
}
