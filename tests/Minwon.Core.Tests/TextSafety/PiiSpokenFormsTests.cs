using Minwon.Core.TextSafety;

namespace Minwon.Core.Tests.TextSafety;

/// <summary>
/// Issue 13, session 6: forms found by the second held-apart set's dev counterpart (eval/text-safety/pii-voices-dev):
/// 의 / 빼기 / 하이픈 for the hyphen, 영 for zero, digits and Sino-Korean words mixed, halves of a registration
/// number read out in words, accounts read out, dictated and Sino-Korean plates, rental 호 plates, Sino-Korean and
/// lettered 동·호수, and a unit said after an address.
/// </summary>
public sealed class PiiSpokenFormsTests
{
    private static readonly PiiMasker Masker = new();

    [Theory]
    [InlineData("우리 영감 주민번호는 2 8 0 3 0 4 의 1 0 6 6 7 1 2 여", "2 8 0 3 0 4 의 1 0 6 6 7 1 2", PiiKind.Rrn)]
    [InlineData("주민번호 불러 드리면 860927 빼기 2345123 이에요", "860927 빼기 2345123", PiiKind.Rrn)]
    [InlineData("9 2 0 4 1 8 하이픈 1 5 5 6 6 7 7 이게 제 주민번호예요", "9 2 0 4 1 8 하이픈 1 5 5 6 6 7 7", PiiKind.Rrn)]
    [InlineData("주민번호 칠삼영오일일 다시 일영영이삼사오 요", "칠삼영오일일 다시 일영영이삼사오", PiiKind.Rrn)]
    [InlineData("주민번호 육팔일공이이의이삼사삼이일일 요", "육팔일공이이의이삼사삼이일일", PiiKind.Rrn)]
    [InlineData("엄마 번호는 공일공의 칠칠삼삼의 이이일일 이여", "공일공의 칠칠삼삼의 이이일일", PiiKind.Phone)]
    [InlineData("전화번호 영일영 사사육육 팔팔이이 요", "영일영 사사육육 팔팔이이", PiiKind.Phone)]
    [InlineData("010 삼사오육 7890 으로 주세요", "010 삼사오육 7890", PiiKind.Phone)]
    [InlineData("제 번호가 010 빼기 8080 빼기 1212 예요", "010 빼기 8080 빼기 1212", PiiKind.Phone)]
    [InlineData("경기 번호 031 의 987 의 6543 이에요", "031 의 987 의 6543", PiiKind.Phone)]
    [InlineData("제 카드 9410 의 4873 의 3311 의 3870 분실했어요", "9410 의 4873 의 3311 의 3870", PiiKind.Card)]
    [InlineData("환불 계좌 농협 삼오일 이삼사오 육칠팔구 일이 요", "삼오일 이삼사오 육칠팔구 일이", PiiKind.Account)]
    [InlineData("7 7 두 8 8 9 9 차량 신고합니다", "7 7 두 8 8 9 9", PiiKind.VehiclePlate)]
    [InlineData("렌트카 101 허 2020 이에요", "101 허 2020", PiiKind.VehiclePlate)]
    [InlineData("오육 노 일이삼사 차가 서 있어요", "오육 노 일이삼사", PiiKind.VehiclePlate)]
    [InlineData("마을버스 서울 70 아 1234 기사가", "서울 70 아 1234", PiiKind.VehiclePlate)]
    [InlineData("저는 이층 이백일호 살아요", "이층 이백일호", PiiKind.Address)]
    [InlineData("주소는 백일동 천이백호 예요", "백일동 천이백호", PiiKind.Address)]
    [InlineData("나동 102호 사는데요", "나동 102호", PiiKind.Address)]
    public void Finds_spoken_forms(string text, string expected, PiiKind kind)
    {
        var span = Assert.Single(Masker.Find(text));
        Assert.Equal(kind, span.Kind);
        Assert.Equal(expected, text[span.Start..span.End]);
    }

    [Fact]
    public void Finds_a_unit_said_after_an_address()
    {
        var text = "주소가 연남로 5길 22 이고요 702호 요";
        var spans = Masker.Find(text);
        Assert.Equal(["연남로 5길 22", "702호"], spans.Select(s => text[s.Start..s.End]));
    }

    [Fact]
    public void Finds_halves_of_a_registration_number_read_out_apart()
    {
        var text = "주민번호 앞자리는 구일공일일칠 이고 뒷자리는 일이공삼사오륙 이에요";
        var spans = Masker.Find(text);
        Assert.Equal(["구일공일일칠", "일이공삼사오륙"], spans.Select(s => text[s.Start..s.End]));
        Assert.All(spans, s => Assert.Equal(PiiKind.Rrn, s.Kind));
    }

    [Theory]
    [InlineData("2 0 2 4 년 5 월 3 일 다시 확인했어요")]
    [InlineData("세 시에 다시 네 시로 미뤘어요")]
    [InlineData("일 이 삼 번 눌렀어요")]
    [InlineData("팔공 년생이에요")]
    [InlineData("구일공일일칠 이 숫자가 뭔지 모르겠어요")]
    [InlineData("이사 가 오일 뒤에 연락할게요")]
    [InlineData("삼층 건물 옥상이요")]
    [InlineData("공장 가동 시간이 길어요")]
    [InlineData("3 의 4 배 정도요")]
    [InlineData("10 빼기 3 은 7 이에요")]
    public void Leaves_look_alikes_of_spoken_forms_alone(string text) => Assert.Empty(Masker.Find(text));
}
