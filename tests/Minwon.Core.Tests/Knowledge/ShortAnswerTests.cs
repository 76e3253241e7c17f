using Minwon.Core.Knowledge;

namespace Minwon.Core.Tests.Knowledge;

public sealed class ShortAnswerTests
{
    [Fact]
    public void Takes_the_first_sentence_of_a_long_body()
    {
        var body = "여권은 구청 여권민원실에서 본인이 직접 신청합니다. 신분증과 여권 사진 1매가 필요합니다. " + new string('가', 300);
        Assert.StartsWith("여권은 구청 여권민원실에서 본인이 직접 신청합니다.", ShortAnswer.FromBody(body));
        Assert.True(ShortAnswer.FromBody(body).Length <= ShortAnswer.MaxLength);
    }

    [Fact]
    public void Drops_markup_from_the_short_answer_only() =>
        Assert.Equal("주차 과태료는 위택스에서 냅니다.", ShortAnswer.FromBody("<p>주차 <b>과태료</b>는 위택스에서 냅니다.</p>"));

    [Fact]
    public void Is_empty_for_an_empty_body() => Assert.Equal("", ShortAnswer.FromBody("  "));
}
