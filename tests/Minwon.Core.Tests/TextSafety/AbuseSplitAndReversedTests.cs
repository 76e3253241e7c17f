using Minwon.Core.TextSafety;

namespace Minwon.Core.Tests.TextSafety;

/// <summary>
/// Issue 13, session 13 (ab8, after the held-apart run of abuse-test6): a one-syllable word cut off by a comma or a line
/// break is joined to the next on the de-obfuscated surface, and a strong swear word or insult written backwards at a
/// word start is read the right way round. Lines written for these tests, in none of the eval sets.
/// </summary>
public sealed class AbuseSplitAndReversedTests
{
    private static readonly AbuseDetector Detector = new();

    private static string? Surface(string text) => Deobfuscator.Decode(text, TextNormalizer.Normalize(text))?.Text;

    [Theory]
    [InlineData("담당 과장 완전 등, 신 아니야", "등신")]
    [InlineData("머, 저리 같은 소리 하네", "머저리")]
    [InlineData("또\n라이 같은 답변이네요", "또라이")]
    [InlineData("찢어, 죽, 여, 버릴라", "죽여")]
    public void Joins_a_syllable_cut_off_by_a_comma_or_a_line_break(string text, string expected)
    {
        var surface = Surface(text);
        Assert.NotNull(surface);
        Assert.Contains(expected, surface, StringComparison.Ordinal);
    }

    // The second argument is the join the rule must not make: 아발 could not fail the first assertion alone (review, session 13).
    [Theory]
    [InlineData("네, 시작할게요 서류 보내 드릴게요", "네시")]
    [InlineData("아, 발급은 주민센터에서 해요", "아발")]
    [InlineData("서울시, 발표 자료 보셨어요", "시발")]
    public void Leaves_replies_and_long_words_before_a_comma_apart(string text, string joined)
    {
        var surface = Surface(text);
        Assert.True(surface is null || !surface.Contains("시발", StringComparison.Ordinal) && !surface.Contains("네시", StringComparison.Ordinal));
        Assert.True(surface is null || !surface.Contains(joined, StringComparison.Ordinal), surface);
    }

    /// <summary>
    /// A reversed word after a symbol gap it is not joined across (both sides longer than two) is a word start for
    /// <see cref="Deobfuscator.Build"/>; the allocation-free pre-check read it only after a space, so Decode skipped the line
    /// (review, session 13).
    /// </summary>
    [Theory]
    [InlineData("그러니까/끼새개들이 뭐라는 거야", "개새끼")]
    [InlineData("담당자는,랄지하고 있네", "지랄")]
    public void Reads_a_reversed_word_after_a_symbol_gap(string text, string expected)
    {
        var normalized = TextNormalizer.Normalize(text);
        Assert.True(Deobfuscator.MayHoldDisguise(text, normalized));
        var surface = Surface(text);
        Assert.NotNull(surface);
        Assert.Contains(expected, surface, StringComparison.Ordinal);
    }

    /// <summary>
    /// Hostile input for this session's rules (review, session 13): 100,000 repeats of a comma-split syllable pair, of
    /// reversed words, of bare commas and of an addressee with a particle, one line each (linear: about 0.1-0.4 s of CPU
    /// time for 100 KB through `text abuse`, see the review report); evidence stays inside the line.
    /// </summary>
    [Theory]
    [InlineData("병, 신 ", true)]
    [InlineData("발시 ", true)]
    [InlineData("끼새개들이 ", true)]
    [InlineData("죽, 여, ", null)]
    [InlineData(",", false)]
    [InlineData(", \n", false)]
    [InlineData("너도 ", null)]
    public void Copes_with_a_hundred_thousand_split_and_reversed_repeats(string unit, bool? abusive)
    {
        var text = new System.Text.StringBuilder(unit.Length * 100_000).Insert(0, unit, 100_000).ToString();
        var verdict = Detector.Classify(text);
        Assert.InRange(verdict.Score, 0, 1);
        if (abusive is { } expected)
        {
            Assert.Equal(expected, verdict.IsAbusive);
        }

        Assert.All(verdict.Evidence, e => Assert.True(e.Start >= 0 && e.Start < e.End && e.End <= text.Length, $"{e}"));
        if (Deobfuscator.Decode(text, TextNormalizer.Normalize(text)) is { } surface)
        {
            Assert.All(surface.Starts, s => Assert.InRange(s, 0, text.Length));
            Assert.All(surface.Ends, e => Assert.InRange(e, 0, text.Length));
        }
    }

    [Theory]
    [InlineData("아이라또 같은 소리 그만해", 0)]
    [InlineData("리저머들 모여 있는 구청", 3)]
    [InlineData("신병 교육대 앞 도로가 패였어요", 0)]
    [InlineData("신빙성 있는 자료를 주세요", 0)]
    [InlineData("랄지가 끝이 없네", 2)]
    [InlineData("랄지공원", 0)]
    public void Reads_a_reversed_word_only_at_a_word_start_before_a_particle(string word, int expected)
    {
        var chars = word.ToCharArray();
        var end = word.IndexOf(' ', StringComparison.Ordinal) is var space and >= 0 ? space : word.Length;
        Assert.Equal(expected, Deobfuscator.ReversedAt(chars, 0, end));
    }

    [Theory]
    [InlineData("야 이 머, 저리야 그것도 몰라")]
    [InlineData("너 같은 이라또는 처음 본다")]
    [InlineData("리저머 같은 상담원이 또 받네")]
    [InlineData("에이 발씨 또 대기야")]
    public void Flags_split_and_reversed_abuse(string text) => Assert.NotEqual(AbuseLabel.None, Detector.Classify(text).Label);

    [Theory]
    [InlineData("you bastard 그것도 처리 못 해")]
    [InlineData("idiot 같은 답변만 하시네")]
    public void Flags_an_english_insult_in_a_korean_line(string text)
    {
        var verdict = Detector.Classify(text);
        Assert.Equal(AbuseLabel.Insult, verdict.Label);
        Assert.Contains(verdict.Evidence, e => e.Label == AbuseLabel.Insult && e.Weight >= 0.9);
    }

    [Theory]
    [InlineData("네, 발급 신청은 어디서 하나요")]
    [InlineData("신병 위로 휴가 나온 아들이 길을 물어봐요")]
    [InlineData("동, 호수 적어서 다시 보내 드릴게요")]
    [InlineData("저희 집 개, 고양이 예방접종 일정 알려 주세요")]
    public void Leaves_ordinary_lines_unflagged(string text) => Assert.Equal(AbuseLabel.None, Detector.Classify(text).Label);
}
