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
    public void Hyphen_words_alone_do_not_make_personal_data(string text) =>
        Assert.Empty(Masker.Find(text));
}
