using Minwon.Core.TextSafety;

namespace Minwon.Core.Tests.TextSafety;

/// <summary>
/// Issue 13, session 9: forms of the third held-apart set (eval/held-out/text-safety/sealed/pii-test3, run once, a
/// development set now): more words for the hyphen (작대기, 바, 하고), numbers read in grouped Sino-Korean (천이백삼십사),
/// 빵 for zero, self-corrections inside a number, e-mail read out, address details in number words.
/// </summary>
public sealed class PiiSpokenNumberTests
{
    private static readonly PiiMasker Masker = new();

    [Theory]
    [InlineData("주민번호 751030 하고 2045678 이에요", "751030 하고 2045678", PiiKind.Rrn)]
    [InlineData("주민등록번호 9 1 0 7 2 3 바 1 5 5 6 7 8 9 입니다", "9 1 0 7 2 3 바 1 5 5 6 7 8 9", PiiKind.Rrn)]
    [InlineData("010 작대기 5 2 7 1 작대기 8 8 0 3 로 연락 주세요", "010 작대기 5 2 7 1 작대기 8 8 0 3", PiiKind.Phone)]
    [InlineData("농협 301 작대기 5678 작대기 1234 작대기 11 이요", "301 작대기 5678 작대기 1234 작대기 11", PiiKind.Account)]
    [InlineData("아멕스 카드 3 7 5 9 8 7 6 5 4 3 2 1 0 0 1 이요", "3 7 5 9 8 7 6 5 4 3 2 1 0 0 1", PiiKind.Card)]
    [InlineData("5310 7721 작대기 4455 6677 이거요", "5310 7721 작대기 4455 6677", PiiKind.Card)]
    public void Finds_hyphen_words_and_dictated_cards(string text, string expected, PiiKind kind)
    {
        var span = Assert.Single(Masker.Find(text));
        Assert.Equal(kind, span.Kind);
        Assert.Equal(expected, text[span.Start..span.End]);
    }

    [Theory]
    [InlineData("바로 1588 하고 1234 번 중에 골라요")]
    [InlineData("3번 출구 하고 5번 출구 사이에 있어요")]
    [InlineData("택배 바코드 2024 바 1207 이에요")]
    [InlineData("주문번호 2026 1207 3344 5566 으로 조회해 주세요")]
    [InlineData("예약번호 1207 3344 5566 7788 이에요")]
    public void Hyphen_words_alone_do_not_make_personal_data(string text) =>
        Assert.Empty(Masker.Find(text));

    [Theory]
    [InlineData("전화 공일공 구천팔백칠십육 오천사백삼십이 번이요", "공일공 구천팔백칠십육 오천사백삼십이", PiiKind.Phone)]
    [InlineData("제 번호 빵일빵 삼삼사사 오오육육 요", "빵일빵 삼삼사사 오오육육", PiiKind.Phone)]
    [InlineData("번호가 공일공 다시 삼 삼 아니 사 사 오 오 다시 육 육 칠 칠 이에요", "공일공 다시 삼 삼 아니 사 사 오 오 다시 육 육 칠 칠", PiiKind.Phone)]
    [InlineData("주민번호가 칠공 일이 이오 다시 일 아니 잠깐만요 이삼 사사 오오 육 예요", "칠공 일이 이오 다시 일 아니 잠깐만요 이삼 사사 오오 육", PiiKind.Rrn)]
    [InlineData("삼십이 나 칠칠팔팔 차가 또 서 있어요", "삼십이 나 칠칠팔팔", PiiKind.VehiclePlate)]
    [InlineData("인천 팔십 바 오오육육 트럭이요", "인천 팔십 바 오오육육", PiiKind.VehiclePlate)]
    [InlineData("부산 육 칠 고 일 일 이 이 택시", "부산 육 칠 고 일 일 이 이", PiiKind.VehiclePlate)]
    [InlineData("주소가 구로동 사백십 다시 칠 이에요", "구로동 사백십 다시 칠", PiiKind.Address)]
    [InlineData("우리 집 비동 이백삼호 예요", "비동 이백삼호", PiiKind.Address)]
    [InlineData("신림로 삼십 길 칠 앞에 쓰레기가 있어요", "신림로 삼십 길 칠", PiiKind.Address)]
    [InlineData("아파트 1 0 7 동 2 0 3 호 요", "1 0 7 동 2 0 3 호", PiiKind.Address)]
    [InlineData("메일은 kim12 골뱅이 daum 닷 net 이요", "kim12 골뱅이 daum 닷 net", PiiKind.Email)]
    [InlineData("반지하 B02호 에 물이 들어왔어요", "B02호", PiiKind.Address)]
    [InlineData("번호는 공일공에 구천팔백칠십육에 오천사백삼십이 요", "공일공에 구천팔백칠십육에 오천사백삼십이", PiiKind.Phone)]
    public void Finds_numbers_read_out_in_words(string text, string expected, PiiKind kind)
    {
        var span = Assert.Single(Masker.Find(text));
        Assert.Equal(kind, span.Kind);
        Assert.Equal(expected, text[span.Start..span.End]);
    }

    [Theory]
    [InlineData("천이백원이에요")]
    [InlineData("지난달 천이백 원 더 냈어요")]
    [InlineData("이사 온 지 삼 년 됐어요")]
    [InlineData("도로 공사 중이라 시끄러워요")]
    [InlineData("오후 세 시 삼십 분에 갈게요")]
    [InlineData("칠백사십 번 버스가 안 와요")]
    [InlineData("이천이십육 년 삼 월 오 일에 신청했어요")]
    [InlineData("삼 번 출구 앞이에요")]
    [InlineData("일이삼 사오육 하고 칠팔구 세 개 주문했어요")]
    [InlineData("이삼 이 아니고 삼사 예요")]
    [InlineData("일 점 오 키로 정도요")]
    [InlineData("사업자번호 일이삼 사오 육칠팔구공 이요")]
    [InlineData("고객센터 일오팔팔 다시 일이삼사 로 전화했어요")]
    [InlineData("일일이 다 세어봤는데 천이백 개요")]
    [InlineData("이사에 삼 일 걸렸어요")]
    [InlineData("북한산 둘레길 5코스 입구에 쓰레기가 많아요")]
    [InlineData("제주올레길 7 코스 안내판이 넘어졌어요")]
    [InlineData("한강로 2구간 공사 언제 끝나요")]
    [InlineData("지하철 B2 출구 앞이에요")]
    public void Numbers_in_words_that_are_not_personal_data_stay(string text) =>
        Assert.Empty(Masker.Find(text));

    [Fact]
    public void Spans_found_in_the_rewritten_text_map_back_to_the_original_offsets()
    {
        const string text = "전화 공일공 구천팔백칠십육 오천사백삼십이 주세요";
        var result = Masker.Mask(text);

        var span = Assert.Single(result.Spans);
        Assert.Equal(text.IndexOf("공일공", StringComparison.Ordinal), span.Start);
        Assert.Equal(text.IndexOf(" 주세요", StringComparison.Ordinal), span.End);
        Assert.Equal("전화 *** ******* ******* 주세요", result.Masked);
    }

    [Fact]
    public void Grouped_readings_parse_to_their_value()
    {
        Assert.Equal("1234", SpokenNumbers.Parse("천이백삼십사"));
        Assert.Equal("90", SpokenNumbers.Parse("구십"));
        Assert.Equal("12", SpokenNumbers.Parse("십이"));
        Assert.Equal("010", SpokenNumbers.Parse("빵일빵"));
        Assert.Null(SpokenNumbers.Parse("십천"));
        Assert.Null(SpokenNumbers.Parse("천이백원"));
    }

    [Fact]
    public void A_number_read_back_in_the_same_line_is_masked_again()
    {
        const string text = "팔공일이일오 다시 일 일 일 이 이 이 삼 요 맞아요 일 일 일 이 이 이 삼";
        var spans = Masker.Find(text);

        Assert.Equal(2, spans.Count);
        Assert.All(spans, span => Assert.Equal(PiiKind.Rrn, span.Kind));
        Assert.Equal("일 일 일 이 이 이 삼", text[spans[1].Start..spans[1].End]);
    }

    [Fact]
    public void A_number_that_only_resembles_a_found_one_stays()
    {
        const string text = "주민번호 801215-1112223 이고 접수번호는 11122234 예요";
        var span = Assert.Single(Masker.Find(text));
        Assert.Equal(PiiKind.Rrn, span.Kind);
    }
}
