using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minwon.Core.Conversations;
using Minwon.Server.Data;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Features.IssueAlerting;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Tests.Chatbot;

/// <summary>The bot tests' app, as an instance of its own: the notice it publishes would show in every other bot test's greeting.</summary>
public sealed class ChatbotNoticeAppFactory : ChatbotAppFactory;

/// <summary>Issue 9 item 16: a chat in English is served in English; issue 16: Korean notices reach it labelled in English.</summary>
public sealed class ChatbotEnglishTests(ChatbotNoticeAppFactory app) : IClassFixture<ChatbotNoticeAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task PublishNoticeAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MinwonDbContext>();
        if (!await db.Set<Notice>().AnyAsync(Ct))
        {
            var now = TimeProvider.System.GetUtcNow();
            db.Add(new Notice
            {
                Text = "망원동 일대 단수: 18시 복구 예정입니다.", District = "마포구", Terms = "단수 수돗물",
                ValidFrom = now.AddMinutes(-5), ValidUntil = now.AddHours(6), CreatedBy = "test", CreatedAt = now,
            });
            await db.SaveChangesAsync(Ct);
        }

        scope.ServiceProvider.GetRequiredService<NoticeBoard>().Invalidate();
    }

    private async Task<StartChatResponse> StartAsync(string language, string question)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var started = await scope.ServiceProvider.GetRequiredService<StartChat>().HandleAsync(new StartChatRequest(language, null, null, null), Ct);
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

    private async Task<ConversationStatus> StatusAsync(Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MinwonDbContext>().Set<Conversation>()
            .Where(c => c.Id == id).Select(c => c.Status).FirstAsync(Ct);
    }

    [Fact]
    public async Task Korean_notices_reach_korean_chats_as_written_and_english_chats_labelled_in_english_as_not_translated()
    {
        await PublishNoticeAsync();
        var korean = await StartAsync("ko", "단수 언제 풀려요");
        var english = await StartAsync("en", "Is there a water outage?");
        var ko = await WaitForAsync(korean.ConversationId, m => m.Count(x => x.Sender == "bot") >= 4);
        var en = await WaitForAsync(english.ConversationId, m => m.Any(x => x.Kind == "event"));

        Assert.Contains(ko, m => m.Sender == "bot" && m.Body.Contains("[안내] 망원동 일대 단수", StringComparison.Ordinal));
        // Issue 16: the English chat gets the notice too, its label and sentence in English, the Korean original marked as such.
        var notice = Assert.Single(en, m => m.Sender == "bot" && m.Body.Contains("망원동 일대 단수", StringComparison.Ordinal));
        Assert.Equal("[Notice] A current notice from the city, in Korean (not translated):\n망원동 일대 단수: 18시 복구 예정입니다.", notice.Body);
        Assert.DoesNotContain(en, m => m.Body.Contains("[안내]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_english_greeting_asks_for_nothing_in_korean()
    {
        var started = await StartAsync("en", "agent");
        var messages = await WaitForAsync(started.ConversationId, m => m.Any(x => x.Kind == "event"));
        var greeting = messages.First(m => m.Sender == "bot").Body;
        Assert.Contains("agent", greeting, StringComparison.Ordinal);
        Assert.DoesNotContain(greeting, c => c is >= '가' and <= '힣');
        Assert.Equal(ConversationStatus.Queued, await StatusAsync(started.ConversationId));
    }

    [Theory]
    [InlineData("human please")]
    [InlineData("I would like to talk to a counsellor")]
    [InlineData("Where can I pay a parking ticket?")]
    public async Task An_english_writer_reaches_a_counsellor_by_asking_or_with_a_question_the_korean_knowledge_base_cannot_answer(string text)
    {
        var started = await StartAsync("en", text);
        var messages = await WaitForAsync(started.ConversationId, m => m.Any(x => x.Kind == "event"));
        Assert.Contains(messages, m => m.Kind == "event" && m.Body.Contains("Connecting you to a counsellor", StringComparison.Ordinal));
        Assert.Equal(ConversationStatus.Queued, await StatusAsync(started.ConversationId));
    }
}
