using Minwon.Core.Languages;

namespace Minwon.Core.Tests.Languages;

public sealed class LanguageIdentifierTests
{
    private static readonly LanguageIdentifier Identifier = LanguageIdentifier.Default;

    [Theory]
    [InlineData("주차 위반 과태료 문의드려요", "ko")]
    [InlineData("KTX 예매는 어디서 하나요", "ko")]
    [InlineData("How do I renew my visa?", "en")]
    [InlineData("我想问一下垃圾分类", "zh")]
    [InlineData("ゴミの出し方を教えて", "ja")]
    [InlineData("Tôi muốn hỏi về thẻ cư trú", "vi")]
    [InlineData("toi muon hoi ve the cu tru", "vi")]
    [InlineData("Би асуулт асуух гэсэн юм", "mn")]
    [InlineData("Я хочу задать вопрос", "ru")]
    [InlineData("ฉันอยากสอบถามเรื่องวีซ่า", "th")]
    public void Identifies_the_language_of_a_first_message(string text, string expected) =>
        Assert.Equal(expected, Identifier.Identify(text).Language);

    [Theory]
    [InlineData("")]
    [InlineData("010-1234-5678 ??")]
    [InlineData("👍👍")]
    public void Text_without_letters_is_undetermined_and_never_confident(string text)
    {
        var guess = Identifier.Identify(text);
        Assert.Equal(LanguageGuess.Undetermined, guess.Language);
        Assert.False(guess.IsConfident);
    }

    [Fact]
    public void Script_alone_decides_Korean_Thai_and_kana_with_full_confidence()
    {
        Assert.Equal(1, Identifier.Identify("안녕하세요").Confidence);
        Assert.Equal(Script.Kana, Identifier.Identify("東京駅はどこですか").Script);
        Assert.Equal(1, Identifier.Identify("สวัสดี").Confidence);
    }

    [Fact]
    public void A_model_guess_reports_its_posterior_among_the_languages_of_its_script()
    {
        var guess = Identifier.Identify("Where can I pay my water bill?");
        Assert.Equal(Script.Latin, guess.Script);
        Assert.InRange(guess.Confidence, 0.5, 1.0);
        Assert.True(guess.IsConfident);
    }

    [Fact]
    public void Training_text_covers_every_language_the_model_is_asked_about()
    {
        Assert.Equal(LanguageIdentifier.Trained.Order(), Identifier.Model.Languages.Order());
        Assert.True(Identifier.Model.NgramCount > 5000);
    }
}
