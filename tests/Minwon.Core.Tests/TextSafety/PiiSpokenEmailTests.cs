using Minwon.Core.TextSafety;

namespace Minwon.Core.Tests.TextSafety;

/// <summary>
/// Issue 13, session 13: e-mail addresses read aloud as a grammar (local part of Latin, digits said in Korean, letters
/// spelled in Hangul and words for _ - .; a word for @; a domain of labels, dot words and a top-level domain), the edges of
/// account numbers (thirteen digits next to a bank are an account, a phone after an account stays a phone) and a basement
/// floor before a unit. The forms here are not the lines of any eval set; each failed before session 13.
/// </summary>
public sealed class PiiSpokenEmailTests
{
    private static readonly PiiMasker Masker = new();

    [Theory]
    [InlineData("메일 주소는 soyeon 언더바 park 골뱅이 naver 닷 com 이에요", "soyeon 언더바 park 골뱅이 naver 닷 com")]
    [InlineData("메일 제이 에이 와이 골뱅이 지메일 점 컴 이요", "제이 에이 와이 골뱅이 지메일 점 컴")]
    [InlineData("hj 하이픈 oh at 서울시 점 go 점 kr 로 보내 주세요", "hj 하이픈 oh at 서울시 점 go 점 kr")]
    [InlineData("답장은 dw77 골뱅 daum 점 넷으로 주세요", "dw77 골뱅 daum 점 넷")]
    [InlineData("주소는 kimys 앳 yahoo 점 co.kr 이요", "kimys 앳 yahoo 점 co.kr")]
    [InlineData("보내실 곳 에이치 오 일 칠 엣 네이트 닷컴 입니다", "에이치 오 일 칠 엣 네이트 닷컴")]
    [InlineData("메일은 minho12atgmail쩜컴 이요", "minho12atgmail쩜컴")]
    [InlineData("메일 park9골뱅네이버dot컴 이요", "park9골뱅네이버dot컴")]
    [InlineData("메일은 kim at naver dot com 이에요", "kim at naver dot com")]
    [InlineData("메일은 kim77 at naver.com 이에요", "kim77 at naver.com")]
    public void Finds_email_read_aloud_word_by_word(string text, string expected) => AssertOne(text, expected, PiiKind.Email);

    [Theory]
    [InlineData("골뱅이 무침 집 점심 메뉴 추천해 주세요")]
    [InlineData("meeting at 3 pm 이에요")]
    [InlineData("kim 골뱅이 국수집 점 최고예요")]
    [InlineData("이메일 보내실 때 at 표시 골뱅이 빼지 마세요")]
    [InlineData("네이버 닷컴에서 검색했어요")]
    [InlineData("을지로 골뱅이 골목 점 심 먹으러 가요")]
    [InlineData("look at naver.com 에서 봤어요")]
    public void Leaves_look_alikes_of_spoken_email(string text) => Assert.Empty(Masker.Find(text));

    [Fact]
    public void An_account_does_not_take_the_mobile_code_of_the_phone_after_it()
    {
        const string text = "우리은행 1002 345 678901 010 1234 5678 로 연락 주세요";
        var spans = Masker.Find(text);
        Assert.Equal(2, spans.Count);
        Assert.Equal(("1002 345 678901", PiiKind.Account), (text[spans[0].Start..spans[0].End], spans[0].Kind));
        Assert.Equal(("010 1234 5678", PiiKind.Phone), (text[spans[1].Start..spans[1].End], spans[1].Kind));
    }

    [Theory]
    [InlineData("기업은행 계좌 9 5 0 3 1 2 1 2 3 4 5 6 7 이에요", "9 5 0 3 1 2 1 2 3 4 5 6 7", PiiKind.Account)]
    [InlineData("신한 계좌 950-312-123456-7 로 보내 주세요", "950-312-123456-7", PiiKind.Account)]
    [InlineData("농협 구오공 빼기 삼일이 빼기 일이삼사 빼기 오육칠 으로 보내 주세요", "구오공 빼기 삼일이 빼기 일이삼사 빼기 오육칠", PiiKind.Account)]
    [InlineData("주민번호 9 5 0 3 1 2 1 2 3 4 5 6 7 이에요", "9 5 0 3 1 2 1 2 3 4 5 6 7", PiiKind.Rrn)]
    [InlineData("계좌 만들 때 쓴 주민번호 9503121234567 이에요", "9503121234567", PiiKind.Rrn)]
    [InlineData("국민은행 계좌 주인 950312-1234567 이에요", "950312-1234567", PiiKind.Rrn)]
    public void Thirteen_digits_next_to_a_bank_are_an_account_unless_said_as_a_registration_number(string text, string expected, PiiKind kind) =>
        AssertOne(text, expected, kind);

    [Fact]
    public void A_basement_floor_before_a_unit_is_masked_with_it()
    {
        AssertOne("지하 1층 B103호 PC방 소음이요", "지하 1층 B103호", PiiKind.Address);
        Assert.Empty(Masker.Find("지하 1층 화장실이 막혔어요"));
    }

    private static void AssertOne(string text, string expected, PiiKind kind)
    {
        var span = Assert.Single(Masker.Find(text));
        Assert.Equal((expected, kind), (text[span.Start..span.End], span.Kind));
    }
}
