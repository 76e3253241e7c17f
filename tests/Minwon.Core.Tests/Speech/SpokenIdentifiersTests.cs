using Minwon.Core.Speech;

namespace Minwon.Core.Tests.Speech;

public sealed class SpokenIdentifiersTests
{
    [Theory]
    [InlineData("접수번호는 2026-1206-000123입니다.", "접수번호는 이 공 이 육, 일 이 공 육, 공 공 공 일 이 삼입니다.")]
    [InlineData("010-1234-5678로 전화드리겠습니다.", "공 일 공, 일 이 삼 사, 오 육 칠 팔로 전화드리겠습니다.")]
    [InlineData("번호 01098765432 맞습니까?", "번호 공 일 공 구 팔 칠 육 오 사 삼 이 맞습니까?")]
    [InlineData("02-120-3456", "공 이, 일 이 공, 삼 사 오 육")]
    [InlineData("차량번호 1234567", "차량번호 일 이 삼 사 오 육 칠")]
    public void Reads_identifiers_digit_by_digit(string text, string spoken) =>
        Assert.Equal(spoken, SpokenIdentifiers.ForSpeech(text));

    [Theory]
    [InlineData("현재 대기 순번은 3번째이며, 예상 대기 시간은 약 4분입니다.")]
    [InlineData("수수료는 10,000원입니다.")]
    [InlineData("2026년 12월 6일")]
    [InlineData("버스와 지하철 안내는 1번")]
    public void Leaves_counts_amounts_and_dates_to_the_engine(string text) =>
        Assert.Equal(text, SpokenIdentifiers.ForSpeech(text));

    [Fact]
    public void Reads_English_digits_for_an_English_voice() =>
        Assert.Equal("Your receipt is two zero two six, one two zero six, zero zero zero zero four two.",
            SpokenIdentifiers.ForSpeech("Your receipt is 2026-1206-000042.", "en"));

    [Theory]
    [InlineData("01012345678", "공 일 공, 일 이 삼 사, 오 육 칠 팔")]
    [InlineData("0212345678", "공 이, 일 이 삼 사, 오 육 칠 팔")]
    [InlineData("0311234567", "공 삼 일, 일 이 삼, 사 오 육 칠")]
    public void Groups_phone_numbers_as_they_are_read(string digits, string spoken) =>
        Assert.Equal(spoken, SpokenIdentifiers.PhoneNumber(digits));
}
