using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minwon.Core.Conversations;
using Minwon.Server.Data;
using Minwon.Server.Features.Assistant;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Features.Knowledge;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Tests.Chatbot;

public class ChatbotAppFactory : SqliteAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Minwon:Routing:Enabled", "false");
        builder.UseSetting("Minwon:Chatbot:Enabled", "true");
    }
}

public sealed class ChatbotTests(ChatbotAppFactory app) : IClassFixture<ChatbotAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Articles = """
        {"id":"fine-pay","title":"주정차 위반 과태료 납부 방법","body":"주정차 위반 과태료는 위택스, 가상계좌, 은행 ATM, 편의점에서 납부할 수 있습니다. 고지서가 없으면 차량번호로 조회합니다.","category":"교통","keywords":["과태료","주차딱지"],"questions":["주차 과태료 어디서 내요"]}
        {"id":"bulky-waste","title":"대형폐기물 배출 신고","body":"대형폐기물은 구청 누리집이나 120에서 신고하고 수수료를 낸 뒤 스티커를 붙여 지정일에 배출합니다.","category":"환경","keywords":["대형폐기물","가구 버리기"],"questions":["소파 버리려면 어떻게 해요"]}
        {"id":"water-outage","title":"단수 및 수돗물 문의","body":"단수 여부는 아리수 누리집에서 확인할 수 있습니다. 갑자기 물이 나오지 않으면 120 또는 관할 수도사업소로 신고해 주세요.","category":"상하수도","keywords":["단수","물이 안나와요"],"questions":["갑자기 물이 안나와요"]}
        """;

    /// <summary>Two articles a one-word question ("반려동물 등록") cannot tell apart, so the bot has to ask.</summary>
    private async Task ImportTwinsAsync()
    {
        const string twins = """
            {"id":"pet-dog","title":"반려견 등록 안내","body":"반려견 등록은 구청 동물등록 대행기관에서 합니다. 내장형 칩을 권장합니다.","category":"생활","keywords":["반려동물 등록"],"questions":[]}
            {"id":"pet-cat","title":"반려묘 등록 안내","body":"반려묘 등록은 구청 동물등록 대행기관에서 합니다. 외장형 태그도 가능합니다.","category":"생활","keywords":["반려동물 등록"],"questions":[]}
            """;
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Empty((await scope.ServiceProvider.GetRequiredService<ImportArticles>().RunAsync(new StringReader(twins), Ct)).Problems);
    }

    private async Task SeedArticlesAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<ImportArticles>().RunAsync(new StringReader(Articles), Ct);
        Assert.Empty(report.Problems);
    }

    private async Task<List<MessageDto>> WaitForMessagesAsync(Guid conversationId, Func<List<MessageDto>, bool> done)
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

    private async Task<StartChatResponse> AskAsync(string question)
    {
        await SeedArticlesAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var started = await scope.ServiceProvider.GetRequiredService<StartChat>().HandleAsync(new StartChatRequest("ko", null, null, null), Ct);
        await scope.ServiceProvider.GetRequiredService<PostMessage>().FromCitizenAsync(started.Token, new PostMessageRequest(question, null), Ct);
        return started;
    }

    [Fact]
    public async Task Answers_a_citizen_question_from_the_knowledge_base_before_any_queue()
    {
        var started = await AskAsync("주차딱지 날라왔는데 어디서 내요");
        var messages = await WaitForMessagesAsync(started.ConversationId, m => m.Count(x => x.Sender == "bot") >= 2);
        var answer = messages.Last(m => m.Sender == "bot");
        Assert.Contains("위택스", answer.Body, StringComparison.Ordinal);
        Assert.Contains("도움이 되셨나요", answer.Body, StringComparison.Ordinal);
        var status = await app.WithStatusAsync(started.ConversationId);
        Assert.Equal(ConversationStatus.New, status);
    }

    [Fact]
    public async Task Hands_off_to_the_queue_with_the_bot_dialog_when_the_citizen_asks_for_a_counsellor()
    {
        var started = await AskAsync("갑자기 물이 안나와요");
        await WaitForMessagesAsync(started.ConversationId, m => m.Count(x => x.Sender == "bot") >= 2);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PostMessage>().FromCitizenAsync(started.Token, new PostMessageRequest("상담사 연결해주세요", null), Ct);
        }

        var messages = await WaitForMessagesAsync(started.ConversationId, m => m.Any(x => x.Kind == "event" && x.Body.Contains("상담사에게 연결", StringComparison.Ordinal)));
        Assert.Contains(messages, m => m.Kind == "event" && m.Body.Contains("상담사에게 연결", StringComparison.Ordinal));
        Assert.Equal(ConversationStatus.Queued, await app.WithStatusAsync(started.ConversationId));
        Assert.Contains(messages, m => m.Sender == "citizen" && m.Body.Contains("물이", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Answers_with_the_chosen_article_when_the_citizen_picks_one_of_two_by_number()
    {
        await ImportTwinsAsync();

        var started = await AskAsync("반려동물 등록");
        var messages = await WaitForMessagesAsync(started.ConversationId, m => m.Count(x => x.Sender == "bot") >= 2);
        var question = messages.Last(m => m.Sender == "bot");
        Assert.Contains("번호로 답해 주세요", question.Body, StringComparison.Ordinal);
        var firstTitle = question.Body.Split('\n').First(l => l.StartsWith("1. ", StringComparison.Ordinal))[3..];
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PostMessage>().FromCitizenAsync(started.Token, new PostMessageRequest("1", null), Ct);
        }

        messages = await WaitForMessagesAsync(started.ConversationId, m => m.Count(x => x.Sender == "bot") >= 3);
        var answer = messages.Last(m => m.Sender == "bot");
        Assert.StartsWith(firstTitle.Contains("반려견", StringComparison.Ordinal) ? "반려견 등록은" : "반려묘 등록은", answer.Body, StringComparison.Ordinal);
    }

    private async Task SayAsync(StartChatResponse started, string text)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PostMessage>().FromCitizenAsync(started.Token, new PostMessageRequest(text, null), Ct);
    }

    [Fact]
    public async Task Uses_the_topic_typed_before_the_chat_as_context_and_never_answers_it()
    {
        await SeedArticlesAsync();
        StartChatResponse started;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            started = await scope.ServiceProvider.GetRequiredService<StartChat>()
                .HandleAsync(new StartChatRequest("ko", null, null, "주차딱지 날라왔는데 어디서 내요"), Ct);
        }

        await SayAsync(started, "소파 버리려면 어떻게 해요");
        // Turns are taken in order, so once the question is answered a topic turn would have been taken before it.
        var messages = await WaitForMessagesAsync(started.ConversationId, m => m.Any(x => x.Sender == "bot" && x.Body.Contains("스티커", StringComparison.Ordinal)));
        Assert.Contains(messages, m => m.Sender == "bot" && m.Body.Contains("스티커", StringComparison.Ordinal));
        Assert.DoesNotContain(messages, m => m.Sender == "bot" && m.Body.Contains("위택스", StringComparison.Ordinal));
        Assert.Equal(2, messages.Count(m => m.Sender == "bot"));
    }

    [Fact]
    public async Task Asks_to_rephrase_after_the_first_no_and_hands_off_after_the_second()
    {
        var started = await AskAsync("주차딱지 날라왔는데 어디서 내요");
        await WaitForMessagesAsync(started.ConversationId, m => m.Any(x => x.Sender == "bot" && x.Body.Contains("위택스", StringComparison.Ordinal)));
        await SayAsync(started, "아니요");
        var messages = await WaitForMessagesAsync(started.ConversationId, m => m.Count(x => x.Sender == "bot") >= 3);
        Assert.Contains("다르게 적어", messages.Last(m => m.Sender == "bot").Body, StringComparison.Ordinal);
        Assert.Equal(ConversationStatus.New, await app.WithStatusAsync(started.ConversationId));

        await SayAsync(started, "소파 버리려면 어떻게 해요");
        await WaitForMessagesAsync(started.ConversationId, m => m.Any(x => x.Sender == "bot" && x.Body.Contains("스티커", StringComparison.Ordinal)));
        await SayAsync(started, "아니요 그게 아니에요");
        messages = await WaitForMessagesAsync(started.ConversationId, m => m.Any(x => x.Kind == "event" && x.Body.Contains("상담사에게 연결", StringComparison.Ordinal)));
        Assert.Contains(messages, m => m.Kind == "event" && m.Body.Contains("상담사에게 연결", StringComparison.Ordinal));
        Assert.Equal(ConversationStatus.Queued, await app.WithStatusAsync(started.ConversationId));
    }

    [Fact]
    public async Task Shows_the_other_offered_answer_when_the_chosen_one_did_not_help()
    {
        await ImportTwinsAsync();

        var started = await AskAsync("반려동물 등록");
        var messages = await WaitForMessagesAsync(started.ConversationId, m => m.Any(x => x.Sender == "bot" && x.Body.Contains("번호로 답해", StringComparison.Ordinal)));
        var second = messages.Last(m => m.Sender == "bot").Body.Split('\n').First(l => l.StartsWith("2. ", StringComparison.Ordinal));
        await SayAsync(started, "1");
        await WaitForMessagesAsync(started.ConversationId, m => m.Count(x => x.Sender == "bot") >= 3);
        await SayAsync(started, "아니요");
        messages = await WaitForMessagesAsync(started.ConversationId, m => m.Count(x => x.Sender == "bot") >= 4);
        var next = messages.Last(m => m.Sender == "bot").Body;
        Assert.Contains("다음으로 알맞은 답변", next, StringComparison.Ordinal);
        Assert.Contains(second.Contains("반려견", StringComparison.Ordinal) ? "반려견 등록은" : "반려묘 등록은", next, StringComparison.Ordinal);
        Assert.Equal(ConversationStatus.New, await app.WithStatusAsync(started.ConversationId));
    }

    [Fact]
    public async Task Records_questions_it_cannot_answer_for_the_knowledge_quality_report()
    {
        var started = await AskAsync("어제 본 드라마 제목이 뭐였더라");
        await WaitForMessagesAsync(started.ConversationId, m => m.Count(x => x.Sender == "bot") >= 2);
        await using var scope = app.Services.CreateAsyncScope();
        var unanswered = await scope.ServiceProvider.GetRequiredService<MinwonDbContext>().Set<UnansweredQuestion>()
            .Where(q => q.ConversationId == started.ConversationId).ToListAsync(Ct);
        Assert.Single(unanswered);
    }
}

internal static class StatusExtensions
{
    public static async Task<ConversationStatus> WithStatusAsync(this ChatbotAppFactory app, Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MinwonDbContext>().Set<Conversation>()
            .Where(c => c.Id == id).Select(c => c.Status).FirstAsync(TestContext.Current.CancellationToken);
    }
}
