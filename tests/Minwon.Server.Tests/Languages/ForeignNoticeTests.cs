using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Minwon.Server.Data;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Features.IssueAlerting;
using Minwon.Server.Features.Languages;
using Minwon.Server.Platform.Events;
using Minwon.Server.Tests.Chatbot;

namespace Minwon.Server.Tests.Languages;

/// <summary>The notice tests' app, as an instance of its own: the notice it publishes would show in every other bot test's greeting.</summary>
public sealed class ForeignNoticeAppFactory : ChatbotAppFactory;

/// <summary>
/// Issue 16: the issue alerter's notices (Korean free text from a supervisor) reach chats in Chinese, Japanese, Vietnamese
/// and English labelled in the chat's language through the resource files, the original marked as not translated; with the
/// translation seam configured, machine-translated and labelled so in both languages with the Korean original kept.
/// </summary>
public sealed class ForeignNoticeTests(ForeignNoticeAppFactory app) : IClassFixture<ForeignNoticeAppFactory>
{
    private const string NoticeText = "망원동 일대 단수: 18시 복구 예정입니다.";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task PublishAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MinwonDbContext>();
        if (!await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Set<Notice>(), Ct))
        {
            var now = TimeProvider.System.GetUtcNow();
            db.Add(new Notice
            {
                Text = NoticeText, District = "마포구", Terms = "단수 수돗물",
                ValidFrom = now.AddMinutes(-5), ValidUntil = now.AddHours(6), CreatedBy = "test", CreatedAt = now,
            });
            await db.SaveChangesAsync(Ct);
        }

        scope.ServiceProvider.GetRequiredService<NoticeBoard>().Invalidate();
    }

    private static async Task<List<MessageDto>> ChatAsync(IServiceProvider services, string pageLanguage, string? question, Func<List<MessageDto>, bool> done)
    {
        StartChatResponse started;
        await using (var scope = services.CreateAsyncScope())
        {
            started = await scope.ServiceProvider.GetRequiredService<StartChat>().HandleAsync(new StartChatRequest(pageLanguage, null, null, null), Ct);
            if (question is not null)
            {
                await scope.ServiceProvider.GetRequiredService<PostMessage>().FromCitizenAsync(started.Token, new PostMessageRequest(question, null), Ct);
            }
        }

        List<MessageDto> messages = [];
        for (var i = 0; i < 100 && !done(messages); i++)
        {
            await using var scope = services.CreateAsyncScope();
            messages = await scope.ServiceProvider.GetRequiredService<ConversationJournal>().ReadAfterAsync(started.ConversationId, 0, Ct);
            if (!done(messages))
            {
                await Task.Delay(100, Ct);
            }
        }

        return messages;
    }

    [Theory]
    [InlineData("en", "[Notice] A current notice from the city, in Korean (not translated):")]
    [InlineData("zh", "[通知] 市政府当前通知（韩语原文，未翻译）：")]
    [InlineData("ja", "[お知らせ] 市からの現在のお知らせです（韓国語の原文、翻訳されていません）：")]
    [InlineData("vi", "[Thông báo] Thông báo hiện tại của thành phố, bằng tiếng Hàn (chưa được dịch):")]
    public async Task A_chat_in_another_language_gets_the_notice_labelled_in_its_language_as_not_translated(string language, string label)
    {
        await PublishAsync(app.Services);
        var messages = await ChatAsync(app.Services, language, null, m => m.Count >= 2);

        Assert.Equal(label + "\n" + NoticeText, messages[1].Body);
        Assert.Equal(CitizenText.Get(language, "notice") + " " + CitizenText.Get(language, "noticeNotTranslated"), label);
    }

    [Fact]
    public async Task A_citizen_who_switches_language_gets_the_current_notices_again_in_the_new_language()
    {
        await PublishAsync(app.Services);
        var messages = await ChatAsync(app.Services, "ko", "我的护照丢了，应该怎么办？", m => m.Any(x => x.Kind == "event"));

        Assert.Contains(messages, m => m.Sender == "bot" && m.Body == "[안내] " + NoticeText);
        var switched = messages.FindIndex(m => m.Body == CitizenText.Get("zh", "switched"));
        Assert.True(switched > 0, "the bot says it continues in Chinese");
        Assert.Contains(messages.Skip(switched), m => m.Body == "[通知] 市政府当前通知（韩语原文，未翻译）：\n" + NoticeText);
    }

    [Fact]
    public async Task With_machine_translation_the_notice_is_translated_labelled_in_both_languages_and_keeps_the_original()
    {
        await using var service = await FakeOutsideTranslationService.StartAsync();
        service.Phrases[("망원동 일대 단수", "vi")] = "Cắt nước khu vực Mangwon-dong: dự kiến khôi phục lúc 18 giờ.";
        await using var factory = new ChatbotAppFactory().WithWebHostBuilder(b =>
        {
            b.UseSetting("Minwon:Translation:Provider", "libretranslate");
            b.UseSetting("Minwon:Translation:Url", service.Url);
        });
        await PublishAsync(factory.Services);

        var first = await ChatAsync(factory.Services, "vi", null, m => m.Count >= 2);
        Assert.Equal("[Thông báo] [" + CitizenText.Get("vi", "machineTranslated") + " · 기계 번역] "
            + "Cắt nước khu vực Mangwon-dong: dự kiến khôi phục lúc 18 giờ.\n\n[원문] " + NoticeText, first[1].Body);

        // A second chat reads the same translation without asking the service again; a failing service shows the original.
        var second = await ChatAsync(factory.Services, "vi", null, m => m.Count >= 2);
        Assert.Equal(first[1].Body, second[1].Body);
        Assert.Single(service.Requests, r => r.Target == "vi");
        service.Mode = "500";
        var japanese = await ChatAsync(factory.Services, "ja", null, m => m.Count >= 2);
        Assert.Equal("[お知らせ] 市からの現在のお知らせです（韓国語の原文、翻訳されていません）：\n" + NoticeText, japanese[1].Body);
    }
}
