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
    public void Keeps_a_web_address_inside_the_first_sentence() =>
        Assert.StartsWith("불법 주정차 과태료는 고지서의 가상계좌, 위택스(wetax.go.kr), 서울시 ETAX, 가까운 은행 ATM과 편의점에서 낼 수 있습니다.",
            ShortAnswer.FromBody("불법 주정차 과태료는 고지서의 가상계좌, 위택스(wetax.go.kr), 서울시 ETAX, 가까운 은행 ATM과 편의점에서 낼 수 있습니다. 사전통지 기간 안에 자진 납부하면 20% 감경됩니다."));

    [Fact]
    public void Is_empty_for_an_empty_body() => Assert.Equal("", ShortAnswer.FromBody("  "));
}
