using Minwon.Core.Channels;

namespace Minwon.Core.Tests.Channels;

public sealed class OptOutTests
{
    [Theory]
    [InlineData("수신거부", true)]
    [InlineData(" 수신거부 ", true)]
    [InlineData("수신 거부", true)]
    [InlineData("수신거부합니다.", true)]
    [InlineData("STOP", true)]
    [InlineData("수신거부 했는데 또 문자가 와요", false)]
    [InlineData("주차 과태료 문의", false)]
    [InlineData("", false)]
    public void Only_a_whole_message_asking_to_stop_is_an_opt_out(string text, bool optOut) => Assert.Equal(optOut, OptOut.IsOptOut(text));
}
