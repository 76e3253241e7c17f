using Minwon.Core.IssueAlerting;

namespace Minwon.Core.Tests.IssueAlerting;

/// <summary>Issue 9 item 11: labels from whole words, and a notice draft that reads as sentences.</summary>
public sealed class IssueWordingTests
{
    // The water-outage reports of the incident catalogue, as citizens wrote them (with a 동 filled in).
    private static readonly string[] WaterReports =
    [
        "망원동에 물이 안나와요", "망원동에물이안나와요", "갑자기 단수됐어요 망원동", "수돗물 안나옴 망원동", "단수 언제 풀려요?? 망원동인데",
        "물이 안나오는데 공사하나요", "망원동 아파트 전체 단수에요", "녹물 나오다가 물이 끊겼어요", "수도 물이 안나와요 애기 씻겨야되는데",
        "망원동 수도관 터진거같아요 도로에 물 넘쳐요", "단수 공지도 없이 물이 끊겼어요", "물안나와요 망원동 빨리 확인좀",
    ];

    [Theory]
    [InlineData("단수됐어요", "단수")]
    [InlineData("단수에요", "단수")]
    [InlineData("수돗물이", "수돗물")]
    [InlineData("파업인가요", "파업")]
    [InlineData("운행중단이라는데", "운행중단")]
    [InlineData("버스가", "버스")]
    [InlineData("침수피해", "침수피해")]
    [InlineData("신고합니다", null)]
    [InlineData("안나와요", null)]
    [InlineData("꺼졌어요", null)]
    [InlineData("끊겼어요", null)]
    [InlineData("빨리", null)]
    [InlineData("마포구", null)]
    [InlineData("물이", null)]
    public void Reads_the_noun_a_word_is_built_on(string word, string? noun) =>
        Assert.Equal(noun, IssueTermDisplay.NounOf(word));

    [Fact]
    public void Labels_a_water_outage_with_whole_words_never_fragments()
    {
        // The detector's significant bigrams, most shared first, as it hands them over.
        string[] bigrams = ["물이", "안나", "나와", "단수", "망원", "수돗", "빨리", "애기", "리와"];
        var terms = IssueTermDisplay.Compose(bigrams, WaterReports, 5);

        Assert.Contains("단수", terms);
        Assert.All(terms, t => Assert.DoesNotContain(t, new[] { "안나", "나와", "물이", "애기", "빨리", "리와" }));
        var words = WaterReports.SelectMany(r => r.Split(' ')).ToHashSet();
        // Every term is a word of the reports, or a word with its particle or ending taken off.
        Assert.All(terms, t => Assert.Contains(words, w => w.StartsWith(t, StringComparison.Ordinal)));
    }

    [Fact]
    public void The_label_names_district_category_and_words()
    {
        Assert.Equal("마포구 · 생활하수도 불편 · 단수, 수돗물", IssueWording.Label("마포구", "생활하수도 불편", ["단수", "수돗물"]));
        Assert.Equal("서울 전역 · 대중교통 안내 · 버스파업", IssueWording.Label(null, "대중교통 안내", ["버스파업"]));
    }

    [Fact]
    public void The_notice_draft_reads_as_sentences_a_supervisor_would_publish()
    {
        var draft = IssueWording.NoticeDraft("마포구", "생활하수도 불편", ["단수", "수돗물"]);
        Assert.StartsWith("마포구 일대에서 단수·수돗물 관련 신고가 잇따르고 있습니다.", draft, StringComparison.Ordinal);
        var sentences = draft.Split('.', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(sentences.Length >= 2);
        Assert.All(sentences, sentence => Assert.EndsWith("니다", sentence, StringComparison.Ordinal));
        Assert.EndsWith(".", draft, StringComparison.Ordinal);

        Assert.StartsWith("마포구 망원동 일대에서 단수 관련 신고가", IssueWording.NoticeDraft("마포구", null, ["단수", "망원동"]), StringComparison.Ordinal);
        var cityWide = IssueWording.NoticeDraft(null, "대중교통 안내", []);
        Assert.StartsWith("서울 일부 지역에서 대중교통 안내 관련 신고가", cityWide, StringComparison.Ordinal);
    }
}
