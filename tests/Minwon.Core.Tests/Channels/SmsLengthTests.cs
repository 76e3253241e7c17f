using Minwon.Core.Channels;

namespace Minwon.Core.Tests.Channels;

public sealed class SmsLengthTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("hello", 5)]
    [InlineData("안녕하세요", 10)]
    [InlineData("120 다산콜", 10)]
    // A character outside EUC-KR counts 2 bytes, as CP949 gateways send most of them; an emoji is two UTF-16 units, 4 bytes.
    [InlineData("똠방각하", 8)]
    [InlineData("👍", 4)]
    public void Counts_euc_kr_bytes(string text, int bytes) => Assert.Equal(bytes, SmsLength.Bytes(text));

    [Fact]
    public void Forty_five_hangul_syllables_are_an_sms_and_forty_six_an_lms()
    {
        Assert.Equal(SmsKind.Sms, SmsLength.KindOf(new string('가', 45)));
        Assert.Equal(SmsKind.Lms, SmsLength.KindOf(new string('가', 46)));
        Assert.Equal(SmsKind.Sms, SmsLength.KindOf(new string('a', 90)));
        Assert.Equal(SmsKind.Lms, SmsLength.KindOf(new string('a', 91)));
    }

    [Fact]
    public void A_thousand_syllables_are_an_lms_and_one_more_is_too_long()
    {
        Assert.Equal(SmsKind.Lms, SmsLength.KindOf(new string('가', 1000)));
        Assert.Equal(SmsKind.TooLong, SmsLength.KindOf(new string('가', 1001)));
    }

    [Fact]
    public void Cut_keeps_whole_characters_within_the_bytes()
    {
        var cut = SmsLength.Cut("가나다라마" + "👍👍", 11);
        Assert.Equal("가나다라마", cut);
        Assert.Equal("ab가", SmsLength.Cut("ab가나", 5));
        Assert.Equal("👍", SmsLength.Cut("👍👍", 5));
    }
}
