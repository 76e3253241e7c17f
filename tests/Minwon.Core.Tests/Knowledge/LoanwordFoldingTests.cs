using Minwon.Core.Knowledge;
using Minwon.Core.Korean;

namespace Minwon.Core.Tests.Knowledge;

public sealed class LoanwordFoldingTests
{
    [Theory]
    [InlineData("불법 파킹한 차 리포트하려면", "불법 주차한 차 신고하려면")]
    [InlineData("디파짓 리턴을 안 해 줘요", "보증금 리턴을 안 해 줘요")]
    [InlineData("렌트비 서포트", "월세 지원")]
    [InlineData("원데이패스 있어요", "1일이용권 있어요")]
    [InlineData("패스포트 잃어버렸어요", "여권 잃어버렸어요")]
    [InlineData("parking ticket 어디서 내요", "주차 과태료 어디서 내요")]
    [InlineData("풋살장 부킹 캔슬", "풋살장 예약 취소")]
    public void Replaces_loanwords_by_the_korean_word(string query, string expected) =>
        Assert.Equal(expected, LoanwordFolding.Fold(query));

    [Theory]
    [InlineData("도둑을 잡아서 콜택시 불러")]
    [InlineData("체크카드로 빌라 관리비")]
    [InlineData("주차 과태료 납부")]
    [InlineData("스파킹 플러그")]
    [InlineData("parkinglot")]
    public void Leaves_native_words_and_other_text_alone(string query) => Assert.Same(query, LoanwordFolding.Fold(query));

    // Session 11 review: the inputs a search box receives at its edges.
    [Theory]
    [InlineData("")]
    [InlineData("파")]
    [InlineData(" ")]
    [InlineData("음 저기 그니까 어")]
    [InlineData("illegal u-turn")]
    public void Returns_empty_filler_and_unknown_latin_queries_as_they_are(string query) => Assert.Same(query, LoanwordFolding.Fold(query));

    [Fact]
    public void Folds_latin_only_questions_once_the_normalizer_has_lowered_them() =>
        Assert.Equal("주차 과태료 환불", LoanwordFolding.Fold(KoreanNormalizer.NormalizeQuery("PARKING Ticket REFUND")));

    [Fact]
    public void Keeps_empty_words_between_double_spaces() => Assert.Equal("주차  신고", LoanwordFolding.Fold("파킹  리포트"));

    [Fact]
    public void Folds_a_ten_thousand_character_question_whole()
    {
        // Longer than any search reads (KoreanNormalizer.MaxQueryLength cuts at 512), but Fold is public: spaced words and
        // one unbroken word of loanwords (each key right after another is folded) alike.
        Assert.Equal(string.Concat(Enumerable.Repeat("주차 신고 ", 1430)), LoanwordFolding.Fold(string.Concat(Enumerable.Repeat("파킹 리포트 ", 1430))));
        Assert.Equal(string.Concat(Enumerable.Repeat("주차", 5000)), LoanwordFolding.Fold(string.Concat(Enumerable.Repeat("파킹", 5000))));
    }
}
