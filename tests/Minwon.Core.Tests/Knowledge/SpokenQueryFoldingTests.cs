using Minwon.Core.Knowledge;

namespace Minwon.Core.Tests.Knowledge;

public sealed class SpokenQueryFoldingTests
{
    [Theory]
    [InlineData("세금 나왓는데", "세금 나왔는데")]
    [InlineData("돈 남아잇는데", "돈 남아있는데")]
    [InlineData("마트에 업던데", "마트에 없던데")]
    [InlineData("우산 놓고내렷어요", "우산 놓고내렸어요")]
    [InlineData("이런 거 어디다 일러 내리라는디 ", "이런 거 어디다 일러 내리라는데 ")]
    [InlineData("다리가 불편혀서", "다리가 불편해서")]
    [InlineData("언제 내면 되는 겨 ", "언제 내면 되는 거 ")]
    [InlineData("넘어지셧어요", "넘어지셨어요")]
    [InlineData("집에만 있응께 심심허다고 허시는디", "집에만 있으니 심심하다고 하시는데")]
    [InlineData("어디다 물어보믄 되노 ", "어디다 물어보면 되나 ")]
    [InlineData("준다 카던데 우째 받노 ", "준다 하던데 어떻 받나 ")]
    [InlineData("늦으면 머라 카나", "늦으면 뭐라 카나")]
    public void Folds_typed_and_dialect_spellings(string query, string expected) =>
        Assert.Equal(expected, SpokenQueryFolding.Fold(query));

    [Theory]
    [InlineData("업무 시간")]
    [InlineData("잇몸 치료")]
    [InlineData("옷을 버리고 싶어요")]
    [InlineData("맛있는 디저트")]
    [InlineData("혀를 다쳤어요")]
    [InlineData("겨울 동파")]
    [InlineData("건축 허가 받았어요")]
    [InlineData("허리가 아파요")]
    [InlineData("머리가 아파요")]
    [InlineData("카드 잃어버림")]
    [InlineData("피아노 학원")]
    [InlineData("응급실 가려면")]
    public void Leaves_standard_words_alone(string query) => Assert.Equal(query, SpokenQueryFolding.Fold(query));

    [Fact]
    public void Keeps_the_length() =>
        Assert.Equal("내가 불편혀서 그러는디 잇나".Length, SpokenQueryFolding.Fold("내가 불편혀서 그러는디 잇나").Length);

    // Session 11 review: the edges of the new rules (a rule's syllable first or last in the query) and of the input.
    [Theory]
    [InlineData("", "")]
    [InlineData("노", "노")]
    [InlineData("우째", "어떻")]
    [InlineData("머", "머")]
    [InlineData("되노", "되나")]
    [InlineData("응께", "응께")]
    [InlineData("parking ticket", "parking ticket")]
    public void Folds_at_the_edges_of_the_query_without_reading_past_them(string query, string expected) =>
        Assert.Equal(expected, SpokenQueryFolding.Fold(query));

    [Fact]
    public void Folds_a_ten_thousand_character_question_whole()
    {
        var query = string.Concat(Enumerable.Repeat("우째 받노 ", 1670));
        Assert.Equal(string.Concat(Enumerable.Repeat("어떻 받나 ", 1670)), SpokenQueryFolding.Fold(query));
    }
}
