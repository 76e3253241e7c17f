using Minwon.Core.TextSafety;

namespace Minwon.Core.Tests.TextSafety;

public sealed class PiiMaskerTests
{
    private static readonly PiiMasker Masker = new();

    [Theory]
    [InlineData("주민번호 900101-1234567 입니다", "900101-1234567", PiiKind.Rrn)]
    [InlineData("주민번호9001012234567이요", "9001012234567", PiiKind.Rrn)]
    [InlineData("외국인등록번호 850315-5123456", "850315-5123456", PiiKind.Rrn)]
    [InlineData("2021년생 아이 210304-4987654 입니다", "210304-4987654", PiiKind.Rrn)]
    [InlineData("연락처는 010-1234-5678 입니다", "010-1234-5678", PiiKind.Phone)]
    [InlineData("01012345678로 전화주세요", "01012345678", PiiKind.Phone)]
    [InlineData("번호 010 1234 5678", "010 1234 5678", PiiKind.Phone)]
    [InlineData("해외에서 +82 10-1234-5678 로 걸었어요", "+82 10-1234-5678", PiiKind.Phone)]
    [InlineData("+821012345678", "+821012345678", PiiKind.Phone)]
    [InlineData("사무실 02-123-4567 이에요", "02-123-4567", PiiKind.Phone)]
    [InlineData("031-987-6543 번으로요", "031-987-6543", PiiKind.Phone)]
    [InlineData("카드 4111-1111-1111-1111 결제", "4111-1111-1111-1111", PiiKind.Card)]
    [InlineData("카드 4111111111111111 결제", "4111111111111111", PiiKind.Card)]
    [InlineData("국민은행 123456-01-123456 으로 환불", "123456-01-123456", PiiKind.Account)]
    [InlineData("환불계좌 신한 110-123-456789", "110-123-456789", PiiKind.Account)]
    [InlineData("메일 hong.gildong@naver.com 으로", "hong.gildong@naver.com", PiiKind.Email)]
    [InlineData("kim@seoul.go.kr으로 보내주세요", "kim@seoul.go.kr", PiiKind.Email)]
    [InlineData("여권번호 M12345678 입니다", "M12345678", PiiKind.Passport)]
    [InlineData("여권 M123A4567 재발급", "M123A4567", PiiKind.Passport)]
    [InlineData("면허번호 11-12-345678-90", "11-12-345678-90", PiiKind.DriverLicense)]
    [InlineData("면허번호 서울 12-345678-90 이요", "서울 12-345678-90", PiiKind.DriverLicense)]
    [InlineData("12가3456 불법주차", "12가3456", PiiKind.VehiclePlate)]
    [InlineData("서울12가3456 견인", "서울12가3456", PiiKind.VehiclePlate)]
    [InlineData("123가4567차량 신고", "123가4567", PiiKind.VehiclePlate)]
    [InlineData("34나 5678 차가 막고 있어요", "34나 5678", PiiKind.VehiclePlate)]
    [InlineData("번호는 공일공 일이삼사 오륙칠팔이요", "공일공 일이삼사 오륙칠팔", PiiKind.Phone)]
    [InlineData("공일공 구일오공에 팔구오구 이요", "공일공 구일오공에 팔구오구", PiiKind.Phone)]
    [InlineData("공일공 다시 일이삼사 다시 오륙칠팔", "공일공 다시 일이삼사 다시 오륙칠팔", PiiKind.Phone)]
    [InlineData("010에 1234에 5678이요", "010에 1234에 5678", PiiKind.Phone)]
    public void Finds_personal_data_with_exact_offsets(string text, string expected, PiiKind kind)
    {
        var span = Assert.Single(Masker.Find(text));
        Assert.Equal(kind, span.Kind);
        Assert.Equal(expected, text[span.Start..span.End]);
    }

    [Theory]
    [InlineData("2024-03-15에 신청했어요")]
    [InlineData("2024.03.15 접수건")]
    [InlineData("관리비가 1,234,500원 나왔어요")]
    [InlineData("접수번호 2024-0012345 진행상황")]
    [InlineData("7016번 버스가 안 와요")]
    [InlineData("N26 심야버스")]
    [InlineData("오후 2시 30분, 14:30")]
    [InlineData("사업자등록번호 123-45-67890 휴업신고")]
    [InlineData("우편번호 04524")]
    [InlineData("1998년에 전입")]
    [InlineData("대표번호 1588-1234 로 전화했어요")]
    [InlineData("환불 접수번호 2024-0012345 언제 입금돼요")]
    [InlineData("이천이십사년 삼월 십오일에 접수했어요")]
    [InlineData("상품 바코드 8801234567890 이 제품이요")]
    [InlineData("3시에 10분 늦었어요, 2024에 3건")]
    [InlineData("다시 일이삼 순서로")]
    public void Leaves_look_alike_numbers_alone(string text) => Assert.Empty(Masker.Find(text));

    [Fact]
    public void Masks_letters_and_digits_but_keeps_separators_and_length()
    {
        var result = Masker.Mask("전화 010-1234-5678, 메일 a.b@naver.com");
        Assert.Equal("전화 ***-****-****, 메일 *.*@*****.***", result.Masked);
        Assert.Equal(2, result.Spans.Count);
    }

    [Fact]
    public void Masks_the_region_and_syllable_of_a_plate()
    {
        Assert.Equal("차 ********* 신고", Masker.Mask("차 서울12가3456 신고").Masked);
    }

    [Fact]
    public void Returns_the_same_instance_text_when_nothing_is_found()
    {
        const string text = "가로등이 꺼졌어요";
        Assert.Same(text, Masker.Mask(text).Masked);
    }

    [Fact]
    public void Reports_several_kinds_in_one_line_in_order()
    {
        var spans = Masker.Find("연락처 010-2222-3333 이메일 kim@daum.net 차량 12가3456");
        Assert.Equal([PiiKind.Phone, PiiKind.Email, PiiKind.VehiclePlate], spans.Select(s => s.Kind));
    }

    [Fact]
    public void Does_not_take_an_account_number_without_a_word_about_money()
    {
        Assert.Empty(Masker.Find("번호 123456-01-123456 이거 뭐예요"));
    }
}
