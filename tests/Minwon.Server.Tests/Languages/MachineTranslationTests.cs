using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Features.Knowledge;
using Minwon.Server.Features.Languages;
using Minwon.Server.Platform.Events;
using Minwon.Server.Tests.Chatbot;

namespace Minwon.Server.Tests.Languages;

/// <summary>Issue 16 item 2: the translation seam, off by default, against a fake of an outside translation service.</summary>
public sealed class MachineTranslationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static HttpTranslator Translator(string provider, string url, int timeoutSeconds = 10) => new(new HttpClient(),
        Options.Create(new TranslationOptions { Provider = provider, Url = url, Model = "test-model", TimeoutSeconds = timeoutSeconds }),
        NullLogger<HttpTranslator>.Instance);

    [Theory]
    [InlineData("libretranslate")]
    [InlineData("openai")]
    public async Task Each_provider_sends_the_text_and_languages_and_reads_the_translation(string provider)
    {
        await using var service = await FakeOutsideTranslationService.StartAsync();
        service.Phrases[("sofa", "ko")] = "소파";

        Assert.Equal("소파", await Translator(provider, service.Url).TranslateAsync("old sofa", "en", "ko", Ct));
        var request = Assert.Single(service.Requests);
        Assert.Equal((provider, "old sofa", "ko"), (request.Api, request.Text, request.Target));
    }

    [Fact]
    public async Task A_failing_service_or_no_configuration_gives_no_translation_instead_of_an_error()
    {
        await using var service = await FakeOutsideTranslationService.StartAsync();
        service.Mode = "500";

        Assert.Null(await Translator("libretranslate", service.Url).TranslateAsync("old sofa", "en", "ko", Ct));
        Assert.Null(await Translator("none", service.Url).TranslateAsync("old sofa", "en", "ko", Ct));
        Assert.False(new TranslationOptions().IsEnabled);
    }

    [Theory]
    [InlineData("libretranslate", "html")]
    [InlineData("openai", "html")]
    [InlineData("libretranslate", "wrong-shape")]
    [InlineData("openai", "wrong-shape")]
    [InlineData("libretranslate", "slow")]
    [InlineData("openai", "slow")]
    public async Task A_service_answering_garbage_or_too_slowly_gives_no_translation_instead_of_an_error(string provider, string mode)
    {
        await using var service = await FakeOutsideTranslationService.StartAsync();
        service.Phrases[("sofa", "ko")] = "소파";
        service.Mode = mode;

        Assert.Null(await Translator(provider, service.Url, timeoutSeconds: 1).TranslateAsync("old sofa", "en", "ko", Ct));
        Assert.Equal(provider, Assert.Single(service.Requests).Api);
    }

    [Fact]
    public async Task A_chinese_question_without_a_translated_article_is_answered_by_machine_translation_labelled_with_the_original()
    {
        await using var service = await FakeOutsideTranslationService.StartAsync();
        service.Phrases[("旧沙发", "ko")] = "소파 대형폐기물 버리는 방법";
        service.Phrases[("대형폐기물", "zh")] = "大件垃圾需要在区厅网站申报并缴费。";
        await using var factory = new ChatbotAppFactory().WithWebHostBuilder(b =>
        {
            b.UseSetting("Minwon:Translation:Provider", "libretranslate");
            b.UseSetting("Minwon:Translation:Url", service.Url);
        });
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.Empty((await scope.ServiceProvider.GetRequiredService<ImportArticles>().RunAsync(new StringReader(
            """{"id":"bulky","title":"대형폐기물 배출 신고","body":"대형폐기물은 구청 누리집에서 신고하고 수수료를 냅니다.","shortAnswer":"대형폐기물은 구청 누리집에서 신고하고 수수료를 냅니다.","category":"환경","keywords":["대형폐기물","소파"],"questions":[]}"""), Ct)).Problems);
        var started = await scope.ServiceProvider.GetRequiredService<StartChat>().HandleAsync(new StartChatRequest("zh", null, null, null), Ct);
        await scope.ServiceProvider.GetRequiredService<PostMessage>().FromCitizenAsync(started.Token, new PostMessageRequest("我想扔一个旧沙发", null), Ct);

        List<MessageDto> messages = [];
        for (var i = 0; i < 100 && !messages.Any(m => m.Body.Contains("大件垃圾", StringComparison.Ordinal)); i++)
        {
            await Task.Delay(100, Ct);
            await using var read = factory.Services.CreateAsyncScope();
            messages = await read.ServiceProvider.GetRequiredService<ConversationJournal>().ReadAfterAsync(started.ConversationId, 0, Ct);
        }

        var answer = messages.Last(m => m.Sender == "bot").Body;
        Assert.StartsWith("[机器翻译 · 기계 번역] 大件垃圾需要在区厅网站申报并缴费。", answer, StringComparison.Ordinal);
        Assert.Contains("[원문] 대형폐기물은 구청 누리집에서 신고하고 수수료를 냅니다.", answer, StringComparison.Ordinal);
        Assert.Contains(service.Requests, r => r is { Text: "我想扔一个旧沙发", Source: "zh", Target: "ko" });
    }

    [Fact]
    public async Task A_translation_far_longer_than_any_short_answer_is_not_shown_and_the_bot_hands_off_instead()
    {
        await using var service = await FakeOutsideTranslationService.StartAsync();
        service.Phrases[("旧沙发", "ko")] = "소파 대형폐기물 버리는 방법";
        service.Phrases[("대형폐기물", "zh")] = string.Concat(Enumerable.Repeat("大件垃圾。", 1_000));
        await using var factory = new ChatbotAppFactory().WithWebHostBuilder(b =>
        {
            b.UseSetting("Minwon:Translation:Provider", "libretranslate");
            b.UseSetting("Minwon:Translation:Url", service.Url);
        });
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.Empty((await scope.ServiceProvider.GetRequiredService<ImportArticles>().RunAsync(new StringReader(
            """{"id":"bulky","title":"대형폐기물 배출 신고","body":"대형폐기물은 구청 누리집에서 신고하고 수수료를 냅니다.","shortAnswer":"대형폐기물은 구청 누리집에서 신고하고 수수료를 냅니다.","category":"환경","keywords":["대형폐기물","소파"],"questions":[]}"""), Ct)).Problems);
        var started = await scope.ServiceProvider.GetRequiredService<StartChat>().HandleAsync(new StartChatRequest("zh", null, null, null), Ct);
        var asked = await scope.ServiceProvider.GetRequiredService<PostMessage>().FromCitizenAsync(started.Token, new PostMessageRequest("我想扔一个旧沙发", null), Ct);

        List<MessageDto> replies = [];
        for (var i = 0; i < 100 && replies.Count == 0; i++)
        {
            await Task.Delay(100, Ct);
            await using var read = factory.Services.CreateAsyncScope();
            replies = await read.ServiceProvider.GetRequiredService<ConversationJournal>().ReadAfterAsync(started.ConversationId, asked.Seq, Ct);
        }

        Assert.NotEmpty(replies);
        Assert.Contains(service.Requests, r => r is { Source: "ko", Target: "zh" });
        Assert.DoesNotContain(replies, m => m.Body.Contains("大件垃圾", StringComparison.Ordinal));
        Assert.Contains(replies, m => m.Kind == "event");
    }
}
