using Minwon.Core.Assistant;

namespace Minwon.Core.Tests.Assistant;

/// <summary>Issue 9 item 9: the assistant follows the conversation's substance, not its last line.</summary>
public sealed class ConversationFocusTests
{
    [Theory]
    [InlineData("네 감사합니다", true)]
    [InlineData("감사합니다!!", true)]
    [InlineData("네네 알겠습니다 수고하세요", true)]
    [InlineData("아 그렇군요 고맙습니다 ㅎㅎ", true)]
    [InlineData("안녕하세요", true)]
    [InlineData("ok thanks", true)]
    [InlineData("주차딱지 날라왔는데 어디서 내요", false)]
    [InlineData("네 그리고 과태료는요", false)]
    [InlineData("감사합니다 근데 견인된 차는 어디서 찾아요", false)]
    public void Tells_courtesy_from_substance(string text, bool courtesy) =>
        Assert.Equal(courtesy, ConversationFocus.IsCourtesy(text));

    [Fact]
    public void Skips_courtesy_handoff_requests_and_abuse_and_weights_recent_messages_more()
    {
        CitizenLine[] newestFirst =
        [
            new("네 감사합니다", false),
            new("이 xx 같은 구청 놈들아", true),
            new("견인된 차는 어디서 찾아요", false),
            new("상담사 연결", false),
            new("주차딱지 날라왔는데 어디서 내요", false),
            new("수도요금 고지서가 안 왔어요", false),
        ];

        var focus = ConversationFocus.Select(newestFirst, max: 2);

        Assert.Equal(["견인된 차는 어디서 찾아요", "주차딱지 날라왔는데 어디서 내요"], focus.Select(f => f.Text));
        Assert.Equal(1.0, focus[0].Weight);
        Assert.True(focus[1].Weight < focus[0].Weight);
    }

    [Fact]
    public void Has_nothing_to_focus_on_when_the_citizen_only_greeted()
    {
        Assert.Empty(ConversationFocus.Select([new CitizenLine("안녕하세요", false), new CitizenLine("여보세요?", false)]));
    }
}
