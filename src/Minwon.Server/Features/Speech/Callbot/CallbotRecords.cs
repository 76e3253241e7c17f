using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Minwon.Core.Chatbot;
using Minwon.Core.Conversations;
using Minwon.Core.VisualArs;
using Minwon.Server.Data;
using Minwon.Server.Features.Cases;
using Minwon.Server.Features.Chatbot;
using Minwon.Server.Features.Chatbot.Events;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Features.Conversations.Events;
using Minwon.Server.Features.Routing;
using Minwon.Server.Features.VisualArs;
using Minwon.Server.Features.Voice;
using Minwon.Server.Platform;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Speech.Callbot;

/// <summary>One thing the caller did or was told, kept for the counsellor ("질문" → "답변").</summary>
public sealed record CallbotAnswer(string Label, string Value);

/// <summary>
/// The database side of the callbot: what it said (bot lines in the conversation, so the counsellor reads the whole
/// call), the menu steps (visual ARS visits, one tree for web and voice), the hand-off to the phone queue with the path
/// and answers (an <see cref="ArsHandoff"/>, shown on the desk as for an ARS-to-chat hand-off), and a callback case.
/// </summary>
public sealed class CallbotRecords(MinwonDbContext db, ConversationJournal journal, LiveBus bus, TimeProvider clock, CityClock cityClock)
{
    public const string BotName = "120 콜봇";
    public const string FormId = "callbot";

    public static string SessionOf(Guid callId) => "call:" + callId.ToString("N");

    public async Task SayAsync(Guid conversationId, string text, CancellationToken cancellationToken)
    {
        var message = await journal.WriteAsync(async ct =>
        {
            var conversation = (await journal.LoadForWriteAsync(conversationId, ct) ?? throw new InvalidOperationException("The conversation is gone."));
            var m = journal.Append(conversation, MessageKind.Text, MessageSender.Bot, Clip(text, Message.MaxBodyLength), senderName: BotName);
            await db.SaveChangesAsync(ct);
            return m;
        }, cancellationToken);
        await bus.PublishAsync(new MessageAdded(conversationId, message.ToDto()));
    }

    /// <summary>The call's language decided (its line, or the web caller's page): the conversation takes it, so the hand-off and
    /// routing look for a counsellor with that language's skill (issue 16).</summary>
    public async Task SetLanguageAsync(Guid conversationId, string language, CancellationToken cancellationToken)
    {
        await journal.WriteAsync(async ct =>
        {
            var conversation = (await journal.LoadForWriteAsync(conversationId, ct) ?? throw new InvalidOperationException("The conversation is gone."));
            if (conversation.Language != language)
            {
                conversation.SwitchLanguage(language);
                await db.SaveChangesAsync(ct);
            }

            return true;
        }, cancellationToken);
    }

    public async Task VisitAsync(Guid callId, string nodeId, ArsVisitKind kind, CancellationToken cancellationToken)
    {
        db.Add(new ArsVisit { SessionId = SessionOf(callId), NodeId = nodeId, Kind = kind, At = clock.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task AnsweredAsync(Guid conversationId, string? articleId, bool? helped, CancellationToken cancellationToken)
    {
        var conversation = await db.Set<Conversation>().FirstAsync(c => c.Id == conversationId, cancellationToken);
        journal.Record(helped is true ? new BotHelped(articleId) : new BotAnswered(articleId), conversation);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>To the phone queue with what the caller did; false when the conversation is no longer the bot's (hung up).</summary>
    public async Task<bool> HandOffAsync(Guid callId, IReadOnlyList<string> path, IReadOnlyList<CallbotAnswer> answers, HandoffReason reason,
        string? nodeId, CancellationToken cancellationToken)
    {
        var queueId = await journal.WriteAsync(async ct =>
        {
            var call = await db.Set<Call>().FirstAsync(c => c.Id == callId, ct);
            var conversation = await journal.LoadForWriteAsync(call.ConversationId, ct);
            if (conversation is not { Status: ConversationStatus.New })
            {
                return (int?)null;
            }

            var queue = await PhoneQueueAsync(conversation.ContactId, conversation.Language, ct);
            var now = clock.GetUtcNow();
            conversation.Enqueue(queue.Id, queue.Priority, now);
            if (!await db.Set<ArsHandoff>().AnyAsync(h => h.ConversationId == conversation.Id, ct))
            {
                var form = new ArsHandoffForm(FormId, "콜봇 응답", [.. answers.TakeLast(20).Select(a => new ArsHandoffField(Clip(a.Label, 100), Clip(a.Value, 500)))]);
                db.Add(new ArsHandoff
                {
                    ConversationId = conversation.Id,
                    PathJson = JsonSerializer.Serialize(path, ArsJson.Options),
                    FormJson = JsonSerializer.Serialize(form, ArsJson.Options),
                    CreatedAt = now,
                });
            }

            db.Add(new ArsVisit { SessionId = SessionOf(callId), NodeId = nodeId ?? "callbot", Kind = ArsVisitKind.Handoff, At = now });
            journal.AppendEvent(conversation, "콜봇이 상담사에게 연결했습니다. 거쳐 온 메뉴와 콜봇과의 대화가 함께 전달됩니다.");
            journal.Record(new BotHandedOff(reason, queue.Id), conversation);
            journal.Record(new ConversationQueued(queue.Id, conversation.Channel, conversation.Language), conversation);
            await db.SaveChangesAsync(ct);
            return queue.Id;
        }, cancellationToken);
        if (queueId is null)
        {
            return false;
        }

        var conversationId = await db.Set<Call>().AsNoTracking().Where(c => c.Id == callId).Select(c => c.ConversationId).FirstAsync(cancellationToken);
        await bus.PublishAsync(new ConversationChanged(conversationId!.Value, null));
        await bus.PublishAsync(new QueueChanged(queueId));
        return true;
    }

    /// <summary>A callback case for the confirmed number; the conversation closes (the bot served it). Null when already gone.</summary>
    public async Task<string?> BookCallbackAsync(Guid callId, string phone, IReadOnlyList<string> path, CancellationToken cancellationToken)
    {
        var receipt = await journal.WriteAsync(async ct =>
        {
            var call = await db.Set<Call>().FirstAsync(c => c.Id == callId, ct);
            var conversation = await journal.LoadForWriteAsync(call.ConversationId, ct);
            if (conversation is not { Status: ConversationStatus.New })
            {
                return null;
            }

            var now = clock.GetUtcNow();
            var record = new Case
            {
                ReceiptNumber = await ReceiptNumbers.NextAsync(db, cityClock.DayOf(now), ct),
                ContactId = conversation.ContactId,
                ConversationId = conversation.Id,
                Summary = Clip("콜봇 콜백 요청" + (path.Count > 0 ? ": " + string.Join(" > ", path) : ""), 200),
                Disposition = CaseDisposition.CallbackNeeded,
                Channel = conversation.Channel,
                CreatedAt = now,
            };
            db.Add(record);
            db.Add(new CallbackRequest { CaseId = record.Id, Phone = phone, CreatedAt = now });
            db.Add(new ArsVisit { SessionId = SessionOf(callId), NodeId = "callback", Kind = ArsVisitKind.Complete, At = now });
            conversation.ResolveByBot(now);
            journal.AppendEvent(conversation, $"콜봇으로 콜백 예약이 접수되었습니다. 접수번호 {record.ReceiptNumber}");
            journal.Record(new CallbackRequested(record.Id), conversation);
            await db.SaveChangesAsync(ct);
            return record.ReceiptNumber;
        }, cancellationToken);
        await bus.PublishAsync(new QueueChanged(null));
        return receipt;
    }

    private async Task<ServiceQueue> PhoneQueueAsync(Guid contactId, string language, CancellationToken ct)
    {
        if (await db.Set<Contact>().AsNoTracking().Where(c => c.Id == contactId).Select(c => c.RouteToQueueId).FirstOrDefaultAsync(ct) is { } flagged
            && await db.Set<ServiceQueue>().FindAsync([flagged], ct) is { } designated)
        {
            return designated;
        }

        // A call in English (issue 16) waits for a counsellor with the language's skill: its phone queue, else any queue for it.
        if (await Languages.CitizenLanguages.QueueForAsync(db, language, "channel:phone", ct) is { } skilled)
        {
            return skilled;
        }

        var queues = await db.Set<ServiceQueue>().AsNoTracking().OrderByDescending(q => q.Priority).ThenBy(q => q.Id).ToListAsync(ct);
        return queues.FirstOrDefault(q => q.Skills().Contains("channel:phone") && q.Skills().Contains("lang:ko"))
            ?? queues.FirstOrDefault(q => q.Skills().Contains("channel:phone"))
            ?? queues.FirstOrDefault(q => q.IsDefault) ?? queues.First();
    }

    private static string Clip(string value, int max) => value.Length <= max ? value : value[..max];
}
