using Minwon.Core.IssueAlerting;

namespace Minwon.Core.Tests.IssueAlerting;

public sealed class IssueTermExtractorTests
{
    public static TheoryData<string, string> SentencesAndATermTheyShare => new()
    {
        { "망원동에물이안나와요", "안나" },
        { "수돗물 안나옴", "안나" },
        { "단수됐어요 빨리 확인좀", "단수" },
        { "갑자기 단수 ㅠㅠ", "단수" },
        { "지하철운행중단 몇시까지에요", "중단" },
        { "2호선 운행 중단이라는데 출근 어떡해요", "중단" },
        { "정전됐어요!!", "정전" },
        { "우리동네정전인가요??", "정전" },
        { "싱크홀 생겼어요", "싱크홀" },
        { "도로에싱크홀이생겼어요", "싱크" },
    };

    [Theory]
    [MemberData(nameof(SentencesAndATermTheyShare))]
    public void Finds_the_topic_term_in_spaced_unspaced_and_colloquial_sentences(string sentence, string term) =>
        Assert.Contains(term, IssueTermExtractor.Extract(sentence));

    [Theory]
    [InlineData("단수됐어요", "단수")]
    [InlineData("지하철이", "지하철")]
    [InlineData("정전이에요", "정전")]
    [InlineData("망원동에서", "망원동")]
    [InlineData("수돗물", "수돗물")]
    [InlineData("도로", "도로")]
    public void Strips_endings_and_particles_but_keeps_two_syllables(string word, string stem) =>
        Assert.Equal(stem, IssueTermExtractor.Stem(word));

    [Fact]
    public void Ignores_politeness_jamo_and_punctuation()
    {
        var terms = IssueTermExtractor.Extract("안녕하세요 ㅠㅠ 문의드립니다...!!");
        Assert.DoesNotContain("ㅠㅠ", terms);
        Assert.DoesNotContain("안녕", terms);
        Assert.DoesNotContain("립니", terms);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("!!!???")]
    public void Yields_no_terms_for_empty_text(string? text) => Assert.Empty(IssueTermExtractor.Extract(text));

    [Fact]
    public void Spells_adjacent_bigrams_out_as_the_word_citizens_write()
    {
        var texts = new[] { "버스파업 언제 끝나요", "버스파업때문에 출근 못해요", "버스파업 대체교통", "시내버스파업 연장운행해요" };
        var terms = IssueTermDisplay.Compose(["스파", "파업"], texts, 5);
        Assert.Contains(terms, t => t.Contains("버스파업", StringComparison.Ordinal));
        Assert.Single(terms);
    }

    [Fact]
    public void Extracts_the_topic_term_from_every_hand_written_incident_report()
    {
        var rows = File.ReadLines(EvalFile("phrasings.tsv"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .ToList();
        var misses = rows.Where(row => !IssueTermExtractor.Extract(row[1]).Contains(row[0])).Select(row => row[1]).ToList();
        Assert.True(rows.Count >= 30);
        Assert.Empty(misses);
    }

    private static string EvalFile(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "eval", "issues", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"eval/issues/{name} not found above {AppContext.BaseDirectory}");
    }
}
