using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Minwon.Core.Conversations;
using Minwon.Core.TextSafety;
using Minwon.Server.Data;
using Minwon.Server.Features.Routing;
using Minwon.Server.Platform;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Conversations;

/// <param name="Counsellor">Skip the bot and queue for a counsellor at once (e.g. a hand-off from the visual ARS).</param>
public sealed record StartChatRequest(string? Language, string? Name, string? ContactKey, string? Topic, bool Counsellor = false);

public sealed record StartChatResponse(Guid ConversationId, string Token, string ContactKey);

/// <summary>A citizen opens web chat: a conversation is created and queued, or refused with a clear reason.</summary>
public sealed class StartChat(MinwonDbContext db, ConversationJournal journal, TimeProvider clock, CityClock cityClock,
    IOptions<ChatOptions> options, IOptions<Chatbot.ChatbotOptions> bot, LiveBus bus,
    IssueAlerting.NoticeBoard notices, Languages.CitizenNotices citizenNotices)
{
    public async Task<StartChatResponse> HandleAsync(StartChatRequest request, CancellationToken cancellationToken)
    {
        var language = Languages.CitizenLanguages.Normalize(request.Language);
        var now = clock.GetUtcNow();
        var withBot = bot.Value.Enabled && !request.Counsellor;
        if (!withBot && !options.Value.IsOpen(cityClock.Local(now)))
        {
            throw new ProblemException(StatusCodes.Status503ServiceUnavailable,
                "지금은 상담 시간이 아닙니다.", $"상담 시간은 {options.Value.OpenHours}입니다. 콜백을 요청하시면 연락드리겠습니다.");
        }

        var contactKey = IsValidKey(request.ContactKey) ? request.ContactKey! : NewSecret(18);
        var contact = await db.Set<Contact>().FirstOrDefaultAsync(c => c.ExternalKey == contactKey, cancellationToken);
        if (contact is null)
        {
            contact = new Contact { ExternalKey = contactKey, CreatedAt = now };
            db.Add(contact);
        }

        var name = UnsafeCharacters.CleanName(request.Name ?? "").Trim();
        if (name.Length > 0)
        {
            contact.DisplayName = name[..Math.Min(name.Length, 50)];
        }

        var queue = await PickQueueAsync(contact, language, cancellationToken);
        // The bot serves everyone; only a chat that queues at once is refused when the queue is full.
        if (!withBot && await db.Set<Conversation>().CountAsync(
                c => c.QueueId == queue.Id && (c.Status == ConversationStatus.Queued || c.Status == ConversationStatus.Offered),
                cancellationToken) >= queue.MaxWaiting)
        {
            throw new ProblemException(StatusCodes.Status503ServiceUnavailable,
                "지금은 상담 대기가 가득 찼습니다.", "잠시 후 다시 시도하시거나 120으로 전화해 주세요.");
        }

        var conversation = new Conversation
        {
            Token = NewSecret(32),
            ContactId = contact.Id,
            Language = language,
            CreatedAt = now,
            Topic = UnsafeCharacters.CleanName(request.Topic ?? "").Trim() is { Length: > 0 } cleanTopic ? cleanTopic[..Math.Min(cleanTopic.Length, 200)] : null,
        };
        db.Add(conversation);
        if (withBot)
        {
            // The bot answers first; the queue is where a hand-off will go, and where bot chats are counted.
            conversation.ServeWithBot(queue.Id);
            journal.Append(conversation, MessageKind.Text, MessageSender.Bot, Languages.CitizenText.Get(language, "greeting"),
                senderName: Chatbot.ChatbotReply.BotName);
            // Notices are written in Korean; a chat in another language gets them labelled in its language (issue 16).
            foreach (var notice in (await notices.ActiveAsync(cancellationToken)).Take(2))
            {
                journal.Append(conversation, MessageKind.Text, MessageSender.Bot, await citizenNotices.RenderAsync(language, notice, cancellationToken),
                    senderName: Chatbot.ChatbotReply.BotName);
            }

            journal.Record(new Events.ConversationStarted(queue.Id, conversation.Channel, conversation.Language, Bot: true), conversation);
        }
        else
        {
            conversation.Enqueue(queue.Id, queue.Priority, now);
            journal.AppendEvent(conversation, Languages.CitizenText.Get(language, "queued"));
            journal.Record(new Events.ConversationQueued(queue.Id, conversation.Channel, conversation.Language), conversation);
        }

        await db.SaveChangesAsync(cancellationToken);
        await bus.PublishAsync(new QueueChanged(queue.Id));
        return new StartChatResponse(conversation.Id, conversation.Token, contactKey);
    }

    private async Task<ServiceQueue> PickQueueAsync(Contact contact, string language, CancellationToken cancellationToken)
    {
        if (contact.RouteToQueueId is { } flagged
            && await db.Set<ServiceQueue>().FindAsync([flagged], cancellationToken) is { } designated)
        {
            return designated;
        }

        var queues = await db.Set<ServiceQueue>().AsNoTracking().OrderBy(q => q.Id).ToListAsync(cancellationToken);
        // A chat in another language goes to a queue that asks for that language; anything else to the default queue.
        return (language != "ko" ? queues.FirstOrDefault(q => q.Skills().Contains(Languages.CitizenLanguages.Skill(language))) : null)
            ?? queues.FirstOrDefault(q => q.IsDefault) ?? queues.FirstOrDefault()
            ?? throw new ProblemException(StatusCodes.Status503ServiceUnavailable, "상담 대기열이 설정되지 않았습니다.");
    }

    /// <summary>A contact key the citizen's browser kept (16-64 URL-safe characters); anything else gets a new one.</summary>
    internal static bool IsValidKey(string? key) =>
        key is { Length: >= 16 and <= 64 } && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public static string NewSecret(int bytes) =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
