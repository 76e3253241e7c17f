using Minwon.Core.TextSafety;

namespace Minwon.Core.Tests.TextSafety;

/// <summary>Issue 13: numbers as speech-to-text writes them, plates with spaces, and address details.</summary>
public sealed class PiiDictationAndAddressTests
{
    private static readonly PiiMasker Masker = new();

    [Theory]
    [InlineData("주민번호 9 0 0 1 0 1 다시 1 2 3 4 5 6 7 이요", "9 0 0 1 0 1 다시 1 2 3 4 5 6 7", PiiKind.Rrn)]
    [InlineData("주민번호는 9001011234567", "9001011234567", PiiKind.Rrn)]
    [InlineData("주민번호 ９００１０１－１２３４５６７", "９００１０１－１２３４５６７", PiiKind.Rrn)]
    [InlineData("번호는 0 1 0 1 2 3 4 5 6 7 8 입니다", "0 1 0 1 2 3 4 5 6 7 8", PiiKind.Phone)]
    [InlineData("010 다시 1234 다시 5678 로 주세요", "010 다시 1234 다시 5678", PiiKind.Phone)]
    [InlineData("02다시123다시4567", "02다시123다시4567", PiiKind.Phone)]
    [InlineData("0 1 0 - 1 2 3 4 - 5 6 7 8", "0 1 0 - 1 2 3 4 - 5 6 7 8", PiiKind.Phone)]
    [InlineData("031 에 8 8 9 에 1 2 3 4", "031 에 8 8 9 에 1 2 3 4", PiiKind.Phone)]
    [InlineData("(010) 5959-2020로 연락주세요", "(010) 5959-2020", PiiKind.Phone)]
    [InlineData("휴대폰 공 일 공 일 이 삼 사 오 육 칠 팔", "공 일 공 일 이 삼 사 오 육 칠 팔", PiiKind.Phone)]
    [InlineData("주민 칠이공육일팔 에 일삼사오육칠팔", "칠이공육일팔 에 일삼사오육칠팔", PiiKind.Rrn)]
    [InlineData("카드 4 5 1 2 3 4 5 6 7 8 9 0 1 2 3 4 결제", "4 5 1 2 3 4 5 6 7 8 9 0 1 2 3 4", PiiKind.Card)]
    [InlineData("차번호 12 가 3456이에요", "12 가 3456", PiiKind.VehiclePlate)]
    [InlineData("서울 34 다 5678 신고", "서울 34 다 5678", PiiKind.VehiclePlate)]
    [InlineData("234 조 5678번 차량이요", "234 조 5678", PiiKind.VehiclePlate)]
    [InlineData("저희 집이 104동 1603호인데요", "104동 1603호", PiiKind.Address)]
    [InlineData("B동 1102호에 살아요", "B동 1102호", PiiKind.Address)]
    [InlineData("3층 302호에서 누수", "3층 302호", PiiKind.Address)]
    [InlineData("104-1603호 맞습니다", "104-1603호", PiiKind.Address)]
    [InlineData("오피스텔 1005호인데", "1005호", PiiKind.Address)]
    [InlineData("역삼동 823-14번지 앞", "역삼동 823-14번지", PiiKind.Address)]
    [InlineData("상도동 산 65번지", "상도동 산 65번지", PiiKind.Address)]
    [InlineData("성수동 12-3 골목에", "성수동 12-3", PiiKind.Address)]
    [InlineData("주소는 테헤란로 152이고요", "테헤란로 152", PiiKind.Address)]
    [InlineData("도산대로 45길 20 앞에 싱크홀", "도산대로 45길 20", PiiKind.Address)]
    [InlineData("한강대로84길 11-4 건물", "한강대로84길 11-4", PiiKind.Address)]
    public void Finds_dictated_numbers_spaced_plates_and_address_details(string text, string expected, PiiKind kind)
    {
        var span = Assert.Single(Masker.Find(text));
        Assert.Equal(kind, span.Kind);
        Assert.Equal(expected, text[span.Start..span.End]);
    }

    [Theory]
    [InlineData("7호선 742번 출구 앞이에요")]
    [InlineData("태풍 11호 때문에 간판이 떨어졌어요")]
    [InlineData("공고 제2023-1234호 받았어요")]
    [InlineData("지하 1층 화장실")]
    [InlineData("종로 3가 역 근처, 을지로3가에서 환승")]
    [InlineData("버스로 30분, 택시로 2만원, 카드로 3만원")]
    [InlineData("맛집 1번지로 유명해요")]
    [InlineData("2 3 4 5 6 번 버스")]
    [InlineData("로또 번호 1 7 13 22 34 41")]
    [InlineData("1 2 3 4 5 6 7 8 9 10 층 다 정전이에요")]
    [InlineData("2023년 4월 2일 다시 신청했어요")]
    [InlineData("접수번호 2022-232188 다시 확인 부탁")]
    [InlineData("3호차 에어컨, 2호기 고장")]
    [InlineData("2-3일 걸리고 20-30분 기다려요")]
    [InlineData("골목길 2개 지나서, 출근길 1시간")]
    public void Leaves_look_alikes_of_those_forms_alone(string text) => Assert.Empty(Masker.Find(text));

    [Fact]
    public void Keeps_the_neighbourhood_and_road_names_readable_around_a_unit()
    {
        Assert.Equal("마포구 래미안 **** ***** 누수", Masker.Mask("마포구 래미안 104동 1603호 누수").Masked);
        Assert.Equal("강남구 **** *** 앞", Masker.Mask("강남구 테헤란로 152 앞").Masked);
    }
}
