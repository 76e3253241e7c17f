using Minwon.Core.TextSafety;

namespace Minwon.Core.Tests.TextSafety;

public sealed class UnsafeCharactersTests
{
    [Theory]
    [InlineData("안녕하세요", "안녕하세요")]
    [InlineData("첫 줄\n둘째 줄\t끝", "첫 줄\n둘째 줄\t끝")]
    [InlineData("윈도우\r\n줄바꿈\r맥", "윈도우\n줄바꿈\n맥")]
    [InlineData("\0\u0001\u001b\u007f\u0085\u009f", "")]
    [InlineData("파일\u202egpj.exe", "파일gpj.exe")]
    [InlineData("\u2066격리\u2069 \u202a삽입\u202c", "격리 삽입")]
    [InlineData("아랍어 표시 \u200f유지", "아랍어 표시 \u200f유지")]
    [InlineData("😀 이모지와 한글", "😀 이모지와 한글")]
    public void Messages_lose_controls_and_bidi_overrides_but_keep_lines_tabs_and_text(string input, string expected) =>
        Assert.Equal(expected, UnsafeCharacters.CleanMessage(input));

    [Theory]
    [InlineData("홍\u202e길동", "홍길동")]
    [InlineData("홍길동\n관리자", "홍길동 관리자")]
    [InlineData("\u200f김\u200e철수\u061c", "김철수")]
    [InlineData("\0", "")]
    public void Names_are_one_line_without_any_bidi_control(string input, string expected) =>
        Assert.Equal(expected, UnsafeCharacters.CleanName(input));
}
