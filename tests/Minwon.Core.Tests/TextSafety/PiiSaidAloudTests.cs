using Minwon.Core.TextSafety;

namespace Minwon.Core.Tests.TextSafety;

/// <summary>
/// Issue 13, session 13 (pii7, after the held-apart run of pii-test6): classes of numbers, plates and addresses as they
/// are said aloud: native digit words (하나, 둘, 셋 …) and English ones among Sino-Korean digits, more words for a
/// correction (아니아니, 틀렸다) and for the hyphen (그다음, 쩜), a whole correction masked with what it corrects, a half of a
/// registration number said before 앞자리, old one-digit and motorcycle plates, a rental plate said with 호 apart, a
/// filler after a plate's syllable, lettered side streets (26다길), 번길 glued to a spoken number, a unit said before its
/// building, basement units of a building and a lot with 의. The lines are not from any eval set; each failed before.
/// </summary>
public sealed class PiiSaidAloudTests
{
    private static readonly PiiMasker Masker = new();

    [Theory]
    [InlineData("주민번호는 칠사 공육 일팔 다시 일 넷 둘 하나 셋 공 오 입니다", "칠사 공육 일팔 다시 일 넷 둘 하나 셋 공 오", PiiKind.Rrn)]
    [InlineData("연락처 공일공 넷 넷 여덟 여덟 하나 둘 아홉 일곱 으로 주세요", "공일공 넷 넷 여덟 여덟 하나 둘 아홉 일곱", PiiKind.Phone)]
    [InlineData("call me at zero one zero five five five one two three four six 부탁해요", "zero one zero five five five one two three four six", PiiKind.Phone)]
    [InlineData("주민등록번호 팔구 일이 공칠 그다음 이 아 틀렸다 삼 공 일 칠 삼 팔 팔 입니다", "팔구 일이 공칠 그다음 이 아 틀렸다 삼 공 일 칠 삼 팔 팔", PiiKind.Rrn)]
    [InlineData("번호 공일공 일일 아니아니 육육 칠칠 팔팔 구구 요", "공일공 일일 아니아니 육육 칠칠 팔팔 구구", PiiKind.Phone)]
    [InlineData("집 전화 공이 쩜 칠칠일 쩜 삼삼오오 요", "공이 쩜 칠칠일 쩜 삼삼오오", PiiKind.Phone)]
    [InlineData("신한 계좌 일일일 이이 아니 일일이 삼삼삼 사사사사 오오 이에요", "일일일 이이 아니 일일이 삼삼삼 사사사사 오오", PiiKind.Account)]
    public void Finds_numbers_said_with_other_words(string text, string expected, PiiKind kind) => AssertOne(text, expected, kind);

    [Fact]
    public void A_half_said_before_the_word_for_it_is_a_registration_number() =>
        AssertOne("팔팔 공이 이구 가 앞자리예요", "팔팔 공이 이구", PiiKind.Rrn);

    [Theory]
    [InlineData("대전 7 라 4412 트럭이 밤새 서 있어요", "대전 7 라 4412")]
    [InlineData("전남 2 고 8080 차량이요", "전남 2 고 8080")]
    [InlineData("배달 오토바이 서울 종로 바 4321 이요", "서울 종로 바 4321")]
    [InlineData("렌터카 번호 삼백칠 호 육육오오 예요", "삼백칠 호 육육오오")]
    [InlineData("차 번호가 이칠 보 음 사 사 삼 삼 이에요", "이칠 보 음 사 사 삼 삼")]
    public void Finds_plates_said_in_other_forms(string text, string expected) => AssertOne(text, expected, PiiKind.VehiclePlate);

    [Theory]
    [InlineData("주소는 동소문로 십이다길 칠 이에요", "동소문로 십이다길 칠")]
    [InlineData("망원로 33라길 5 앞이에요", "망원로 33라길 5")]
    [InlineData("저희 집 광장로 구십일번길 사 예요", "광장로 구십일번길 사")]
    [InlineData("칠백팔호 이백삼동 으로 보내 주세요", "칠백팔호 이백삼동")]
    [InlineData("라동 지하 2호 누수요", "라동 지하 2호")]
    [InlineData("C동 지하 104호 곰팡이요", "C동 지하 104호")]
    [InlineData("지하 일 층 비 이공삼 호 술집 소음이요", "지하 일 층 비 이공삼 호")]
    [InlineData("정릉동 산 삼 번지 옹벽이요", "정릉동 산 삼 번지")]
    [InlineData("명륜동 구백육의 이 예요", "명륜동 구백육의 이")]
    public void Finds_address_details_said_in_other_forms(string text, string expected) => AssertOne(text, expected, PiiKind.Address);

    [Theory]
    [InlineData("하나 둘 셋 넷 다섯 여섯 하고 박수 쳐요")]
    [InlineData("아이가 둘이고 강아지가 셋이에요")]
    [InlineData("주문 번호 20251201-004411 로 환불해 주세요")]
    [InlineData("예약 번호 20260301-7781 취소하고 환불 받을게요")]
    [InlineData("체온이 삼십팔 점 이 도예요")]
    [InlineData("서울 시내 가는 버스 몇 번이에요")]
    [InlineData("지하 이 층 주차장이 어두워요")]
    [InlineData("one two three four 하고 영어로 세어요")]
    [InlineData("대기 번호가 12-3 이래요")]
    [InlineData("좌석 배치가 3-12 래요")]
    public void Leaves_look_alikes(string text) => Assert.Empty(Masker.Find(text));

    [Fact]
    public void A_numbered_street_ending_in_ga_still_places_a_lot() =>
        AssertOne("종로3가 12-3 이에요", "종로3가 12-3", PiiKind.Address);

    private static void AssertOne(string text, string expected, PiiKind kind)
    {
        var span = Assert.Single(Masker.Find(text));
        Assert.Equal((expected, kind), (text[span.Start..span.End], span.Kind));
    }
}
