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
    public void Folds_typed_and_dialect_spellings(string query, string expected) =>
        Assert.Equal(expected, SpokenQueryFolding.Fold(query));

    [Theory]
    [InlineData("업무 시간")]
    [InlineData("잇몸 치료")]
    [InlineData("옷을 버리고 싶어요")]
    [InlineData("맛있는 디저트")]
    [InlineData("혀를 다쳤어요")]
    [InlineData("겨울 동파")]
    public void Leaves_standard_words_alone(string query) => Assert.Equal(query, SpokenQueryFolding.Fold(query));

    [Fact]
    public void Keeps_the_length() =>
        Assert.Equal("내가 불편혀서 그러는디 잇나".Length, SpokenQueryFolding.Fold("내가 불편혀서 그러는디 잇나").Length);
}
