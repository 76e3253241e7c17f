using Minwon.Core.Assistant;

namespace Minwon.Core.Tests.Assistant;

public sealed class CaseFormExtractorTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);

    [Theory]
    [InlineData("망원동에 어제부터 물이 안나와요", "마포구", "망원동")]
    [InlineData("마포구 망원1동 수돗물 단수 언제 끝나요", "마포구", "망원1동")]
    [InlineData("강남구청 앞에 불법주차가 너무 많아요", "강남구", null)]
    [InlineData("송파구에 싱크홀 생겼어요", "송파구", null)]
    [InlineData("잠실동 사거리 신호등 고장", "송파구", "잠실동")]
    [InlineData("신사동 가로수길 쓰레기", null, "신사동")]
    [InlineData("버스 배차간격이 너무 길어요", null, null)]
    public void Finds_the_district_and_neighbourhood(string text, string? district, string? dong)
    {
        var s = CaseFormExtractor.Extract(text, Today);
        Assert.Equal(district, s.District);
        Assert.Equal(dong, s.Dong);
    }

    [Fact]
    public void Reads_relative_and_written_dates()
    {
        var s = CaseFormExtractor.Extract("어제 신고했는데 12월 3일에 수거 가능한가요? 2026-12-05도 괜찮아요", Today);
        Assert.Contains(new DateOnly(2026, 11, 27), s.Dates);
        Assert.Contains(new DateOnly(2026, 12, 3), s.Dates);
        Assert.Contains(new DateOnly(2026, 12, 5), s.Dates);
    }

    [Theory]
    [InlineData("12가3456 차량이 소화전 앞에 세워져 있어요", "12가3456")]
    [InlineData("서울12가3456 차가 계속 주차해요", "서울12가3456")]
    [InlineData("123나 4567 신고할게요", "123나4567")]
    public void Reads_vehicle_plates(string text, string plate) =>
        Assert.Contains(plate, CaseFormExtractor.Extract(text, Today).VehiclePlates);

    [Fact]
    public void Reads_a_road_address() =>
        Assert.Equal("월드컵로 212", CaseFormExtractor.Extract("주소는 월드컵로 212 입니다", Today).Address);

    [Fact]
    public void Guesses_the_category_from_taxonomy_keywords()
    {
        var guesses = CategoryKeywordMatcher.Instance.Guess("불법주차 신고하려고요 주정차 단속 좀 해주세요");
        Assert.NotEmpty(guesses);
        Assert.Equal("교통", guesses[0].Major);
        Assert.Empty(CategoryKeywordMatcher.Instance.Guess("안녕하세요"));
    }
}
