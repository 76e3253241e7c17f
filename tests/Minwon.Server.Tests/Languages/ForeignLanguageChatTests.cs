using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minwon.Core.Conversations;
using Minwon.Server.Data;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Features.Knowledge;
using Minwon.Server.Features.Languages;
using Minwon.Server.Features.Routing;
using Minwon.Server.Platform.Events;
using Minwon.Server.Tests.Chatbot;

namespace Minwon.Server.Tests.Languages;

/// <summary>The bot tests' app as an instance of its own, with two articles and their translations.</summary>
public sealed class LanguageChatAppFactory : ChatbotAppFactory;

/// <summary>
/// Issue 16 item 2: an English, a Chinese and a Vietnamese citizen (and a Japanese one) each get the bot in their
/// language where a translated article answers, or a queue whose counsellors have the language skill.
/// </summary>
public sealed class ForeignLanguageChatTests(LanguageChatAppFactory app) : IClassFixture<LanguageChatAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Articles = """
        {"id":"fine-pay","title":"주정차 위반 과태료 납부 방법","body":"주정차 위반 과태료는 위택스, 가상계좌, 은행 ATM, 편의점에서 납부할 수 있습니다.","category":"교통","keywords":["과태료"],"questions":[]}
        {"id":"passport","title":"여권 분실 신고","body":"여권을 잃어버리면 가까운 구청 여권과에 분실 신고를 합니다.","category":"민원","keywords":["여권 분실"],"questions":[]}
        """;

    private const string Translations = """
        {"articleId":"fine-pay","language":"zh","title":"违章停车罚款缴纳方法","shortAnswer":"违章停车罚款可以通过WeTax、虚拟账户、银行ATM或便利店缴纳。","keywords":["停车罚款","罚款","交罚款"]}
        {"articleId":"fine-pay","language":"vi","title":"Cách nộp tiền phạt đỗ xe","shortAnswer":"Tiền phạt đỗ xe có thể nộp qua WeTax, tài khoản ảo, ATM hoặc cửa hàng tiện lợi.","keywords":["tiền phạt","đỗ xe","nộp phạt","tien phat","do xe"]}
        {"articleId":"fine-pay","language":"ja","title":"駐車違反の過料の納付","shortAnswer":"駐車違反の過料はWeTax、仮想口座、ATM、コンビニで納付できます。","keywords":["駐車違反","罰金","過料"],"machineTranslated":true}
        """;

    private async Task SeedAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MinwonDbContext>();
        if (await db.Set<ArticleTranslation>().AnyAsync(Ct))
        {
            return;
        }

        Assert.Empty((await scope.ServiceProvider.GetRequiredService<ImportArticles>().RunAsync(new StringReader(Articles), Ct)).Problems);
        var report = await scope.ServiceProvider.GetRequiredService<ImportTranslations>().RunAsync(new StringReader(Translations), Ct);
        Assert.Empty(report.Problems);
    }

    private async Task<StartChatResponse> StartAsync(string pageLanguage, string question)
    {
        await SeedAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var started = await scope.ServiceProvider.GetRequiredService<StartChat>().HandleAsync(new StartChatRequest(pageLanguage, null, null, null), Ct);
        await scope.ServiceProvider.GetRequiredService<PostMessage>().FromCitizenAsync(started.Token, new PostMessageRequest(question, null), Ct);
        return started;
    }

    private async Task<List<MessageDto>> WaitForAsync(Guid conversationId, Func<List<MessageDto>, bool> done)
    {
        List<MessageDto> messages = [];
        for (var i = 0; i < 100 && !done(messages); i++)
        {
            await Task.Delay(100, Ct);
            await using var scope = app.Services.CreateAsyncScope();
            messages = await scope.ServiceProvider.GetRequiredService<ConversationJournal>().ReadAfterAsync(conversationId, 0, Ct);
        }

        return messages;
    }

    private async Task<(ConversationStatus Status, string Language, IReadOnlyList<string> QueueSkills)> ConversationAsync(Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MinwonDbContext>();
        var c = await db.Set<Conversation>().AsNoTracking().FirstAsync(x => x.Id == id, Ct);
        var queue = await db.Set<ServiceQueue>().AsNoTracking().FirstAsync(q => q.Id == c.QueueId, Ct);
        return (c.Status, c.Language, queue.Skills());
    }

    [Fact]
    public async Task An_english_writer_on_the_korean_page_is_answered_in_english_and_queued_for_an_english_speaking_counsellor()
    {
        var started = await StartAsync("ko", "Hello, I need help with my visa extension please");
        var messages = await WaitForAsync(started.ConversationId, m => m.Any(x => x.Kind == "event"));

        Assert.Contains(messages, m => m.Sender == "bot" && m.Body == "I will continue in English.");
        Assert.Contains(messages, m => m.Kind == "event" && m.Body.Contains("Connecting you to a counsellor", StringComparison.Ordinal));
        var (status, language, skills) = await ConversationAsync(started.ConversationId);
        Assert.Equal(ConversationStatus.Queued, status);
        Assert.Equal("en", language);
        Assert.Contains("lang:en", skills);
    }

    [Fact]
    public async Task A_chinese_question_with_a_translated_article_is_answered_in_chinese()
    {
        var started = await StartAsync("ko", "请问停车罚款怎么交？");
        var messages = await WaitForAsync(started.ConversationId, m => m.Any(x => x.Body.Contains("WeTax", StringComparison.Ordinal)));

        var answer = messages.Last(m => m.Sender == "bot");
        Assert.Contains("WeTax", answer.Body, StringComparison.Ordinal);
        Assert.Contains("这个回答对您有帮助吗", answer.Body, StringComparison.Ordinal);
        Assert.Equal("zh", answer.Language);
        Assert.Equal("zh", (await ConversationAsync(started.ConversationId)).Language);
    }

    [Fact]
    public async Task A_chinese_question_without_a_translation_goes_to_the_queue_with_the_chinese_skill()
    {
        var started = await StartAsync("ko", "我的护照丢了，应该怎么办？");
        var messages = await WaitForAsync(started.ConversationId, m => m.Any(x => x.Kind == "event"));

        Assert.Contains(messages, m => m.Kind == "event" && m.Body.Contains("会说中文的咨询员", StringComparison.Ordinal));
        Assert.DoesNotContain(messages.Skip(1), m => m.Sender == "bot" && m.Body.Any(c => c is >= '가' and <= '힣'));
        var (status, language, skills) = await ConversationAsync(started.ConversationId);
        Assert.Equal(ConversationStatus.Queued, status);
        Assert.Equal("zh", language);
        Assert.Contains("lang:zh", skills);
    }

    [Theory]
    [InlineData("Tôi muốn hỏi cách nộp tiền phạt đỗ xe")]
    [InlineData("toi muon hoi cach nop tien phat do xe")]
    public async Task A_vietnamese_question_with_or_without_tone_marks_is_answered_in_vietnamese(string question)
    {
        var started = await StartAsync("ko", question);
        var messages = await WaitForAsync(started.ConversationId, m => m.Any(x => x.Body.Contains("WeTax", StringComparison.Ordinal)));

        Assert.Contains(messages, m => m.Sender == "bot" && m.Body.Contains("Tiền phạt đỗ xe", StringComparison.Ordinal));
        Assert.Equal("vi", (await ConversationAsync(started.ConversationId)).Language);
    }

    [Fact]
    public async Task A_vietnamese_citizen_asking_for_a_person_is_queued_for_a_vietnamese_speaking_counsellor()
    {
        var started = await StartAsync("vi", "Tôi muốn nói chuyện với tư vấn viên");
        var messages = await WaitForAsync(started.ConversationId, m => m.Any(x => x.Kind == "event"));

        Assert.StartsWith("Xin chào", messages.First(m => m.Sender == "bot").Body, StringComparison.Ordinal);
        Assert.Contains(messages, m => m.Kind == "event" && m.Body.Contains("tư vấn viên nói tiếng Việt", StringComparison.Ordinal));
        Assert.Contains("lang:vi", (await ConversationAsync(started.ConversationId)).QueueSkills);
    }

    [Fact]
    public async Task A_machine_translated_answer_is_labelled_as_such()
    {
        var started = await StartAsync("ja", "駐車違反の罰金はどうやって払いますか");
        var messages = await WaitForAsync(started.ConversationId, m => m.Any(x => x.Body.Contains("WeTax", StringComparison.Ordinal)));

        Assert.StartsWith("[機械翻訳 · 기계 번역]", messages.Last(m => m.Sender == "bot").Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_korean_chat_stays_korean_when_the_first_message_is_a_plate_number_or_a_short_latin_word()
    {
        var started = await StartAsync("ko", "12가3456 ok");
        var messages = await WaitForAsync(started.ConversationId, m => m.Count(x => x.Sender == "bot") >= 2 || m.Any(x => x.Kind == "event"));
        Assert.DoesNotContain(messages, m => m.Body == "I will continue in English.");
        Assert.Equal("ko", (await ConversationAsync(started.ConversationId)).Language);
    }

    [Theory]
    [InlineData("zh-CN", "zh")]
    [InlineData("VI", "vi")]
    [InlineData("ja_JP", "ja")]
    [InlineData("xx", "ko")]
    [InlineData(null, "ko")]
    public void The_page_language_is_normalised_to_a_served_language_or_korean(string? requested, string expected) =>
        Assert.Equal(expected, CitizenLanguages.Normalize(requested));
}
