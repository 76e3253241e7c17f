using Minwon.Core.Languages;
using Minwon.Server.Features.Languages;

namespace Minwon.Server.Tests.Languages;

public sealed class CitizenTextTests
{
    private static readonly string[] Keys =
        ["languageName", "greeting", "switched", "handoff", "handoffNoSkill", "queued", "joined", "transferred", "ended", "closedHours",
            "feedback", "acknowledge", "notice", "machineTranslated", "interpreterJoined"];

    [Fact]
    public void Korean_English_Chinese_Japanese_and_Vietnamese_have_resource_files()
    {
        Assert.Equal(["ko", "en", "ja", "vi", "zh"], CitizenText.Languages);
    }

    [Fact]
    public void Every_resource_file_is_complete_and_written_in_its_own_language()
    {
        foreach (var language in CitizenText.Languages)
        {
            foreach (var key in Keys)
            {
                Assert.False(string.IsNullOrWhiteSpace(CitizenText.Get(language, key)), $"{language}: {key}");
            }

            var greeting = LanguageIdentifier.Default.Identify(CitizenText.Get(language, "greeting"));
            Assert.Equal(language, greeting.Language);
        }
    }

    [Fact]
    public void A_language_without_a_file_falls_back_to_english_and_placeholders_are_filled()
    {
        Assert.Equal("Counsellor 김민지 has joined.", CitizenText.Get("mn", "joined", ("name", "김민지")));
        Assert.Equal("咨询员王丽已加入对话。", CitizenText.Get("zh", "joined", ("name", "王丽")));
    }
}
