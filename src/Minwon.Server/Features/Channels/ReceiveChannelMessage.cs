using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Minwon.Core.Conversations;
using Minwon.Server.Data;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Features.Routing;
using Minwon.Server.Platform;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.ChannelAdapters;

/// <summary>A photo that came with an inbound message, already fetched and checked (its type from its own bytes).</summary>
public sealed record InboundPhoto(byte[] Content);

/// <summary>
/// One message from a channel provider, in the shape every adapter gives it.
/// </summary>
/// <param name="CitizenAddress">Where replies go (a phone number, an e-mail address).</param>
/// <param name="AddressKey">The address in the form opt-outs are kept under (phone digits, a lower-case address).</param>
/// <param name="ContactKey">The contact it belongs to (<see cref="ContactKeys"/>).</param>
/// <param name="Refused">Why attachments were not accepted, one Korean line each; the citizen is told.</param>
/// <param name="ThreadIds">E-mail: In-Reply-To and References, to find the conversation the mail answers.</param>
/// <param name="NoReply">An auto-reply or a bounce: stored for the desk, never answered by the bot.</param>
public sealed record InboundMessage(string Channel, string ExternalId, string CitizenAddress, string AddressKey, string ContactKey,
    string OwnAddress, string Text, DateTimeOffset ReceivedAt, IReadOnlyList<InboundPhoto> Photos, IReadOnlyList<string> Refused,
    string? Subject = null, IReadOnlyList<string>? ThreadIds = null, bool NoReply = false, bool CanOptOut = false);

/// <summary>What storing one inbound message did: the messages to push once it is committed.</summary>
public sealed record StoredInbound(string Channel, InboundResult Result, Guid Conversation, List<MessageDto> Messages, int? Queue);

public enum InboundResult
{
    Stored,
    Duplicate,
    OptedOut,
}

/// <summary>
/// Turns a channel message into a conversation message, once per provider message id: in the citizen's open
/// conversation on that channel (the same thread), or in a new one that the bot answers first, exactly as a web chat.
/// The text is masked and checked for abuse like every citizen message, so queues, the desk, protection, QA and
/// analytics see a channel conversation like any other.
/// </summary>
public sealed partial class ReceiveChannelMessage(MinwonDbContext db, ConversationJournal journal, TextSafety.TextGuard guard,
    VisualArs.ArsUploadStore uploads, IOptions<Chatbot.ChatbotOptions> bot, LiveBus bus, TimeProvider clock, ILogger<ReceiveChannelMessage> logger)
{
    public const string DeskNoteName = "채널 알림";

    public async Task<bool> SeenAsync(string channel, string externalId, CancellationToken cancellationToken) =>
        await db.Set<ChannelMessage>().AsNoTracking().AnyAsync(m => m.Channel == channel && m.ExternalId == externalId, cancellationToken);

    public async Task<InboundResult> HandleAsync(InboundMessage inbound, CancellationToken cancellationToken)
    {
        // StoreAsync looks for the provider id first (once, not also here). Webhooks reach here one at a time from the
        // inbox consumer, which took each provider id once; a collision on the unique (channel, id) is still possible from
        // two readers at once, and the retry's first look (StoreAsync) finds the winner's row and answers Duplicate
        // instead of trying the same insert again.
        var outcome = await journal.WriteAsync(ct => StoreAsync(inbound, ct), cancellationToken);
        await PublishAsync(new StoredInbound(inbound.Channel, outcome.Result, outcome.Conversation, outcome.Messages, outcome.Queue));
        return outcome.Result;
    }

    /// <summary>
    /// Stores one message inside the caller's open transaction (the inbound consumer's batch, <see cref="ProcessChannelInbox"/>):
    /// no retry and no pushes; the caller commits, then calls <see cref="PublishAsync"/>. A failure fails the whole batch,
    /// which the caller then takes one message at a time through <see cref="HandleAsync"/>.
    /// </summary>
    public async Task<StoredInbound> StoreInTransactionAsync(InboundMessage inbound, CancellationToken cancellationToken)
    {
        var outcome = await StoreAsync(inbound, cancellationToken);
        return new StoredInbound(inbound.Channel, outcome.Result, outcome.Conversation, outcome.Messages, outcome.Queue);
    }

    /// <summary>Pushes a stored message to the desk and the queue (after its commit); nothing for a duplicate.</summary>
    public async Task PublishAsync(StoredInbound stored)
    {
        if (stored.Result == InboundResult.Duplicate)
        {
            return;
        }

        foreach (var m in stored.Messages)
        {
            await bus.PublishAsync(new MessageAdded(stored.Conversation, m));
        }

        if (stored.Messages.Count > 0)
        {
            await bus.PublishAsync(new ConversationChanged(stored.Conversation, null));
            await bus.PublishAsync(new QueueChanged(stored.Queue));
        }

        LogReceived(logger, stored.Channel, stored.Conversation, stored.Result);
    }

    private async Task<(InboundResult Result, Guid Conversation, List<MessageDto> Messages, int? Queue)> StoreAsync(InboundMessage inbound, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        if (await SeenAsync(inbound.Channel, inbound.ExternalId, ct))
        {
            return (InboundResult.Duplicate, Guid.Empty, [], null);
        }

        var now = clock.GetUtcNow();
        var conversation = await OpenConversationAsync(inbound, ct);
        var from = conversation?.LastSeq ?? 0;

        if (inbound.CanOptOut && Minwon.Core.Channels.OptOut.IsOptOut(inbound.Text))
        {
            if (!await db.Set<ChannelOptOut>().AnyAsync(o => o.Channel == inbound.Channel && o.Address == inbound.AddressKey, ct))
            {
                db.Add(new ChannelOptOut { Channel = inbound.Channel, Address = inbound.AddressKey, CreatedAt = now });
            }

            if (conversation is not null)
            {
                DeskNote(conversation, "시민이 수신거부를 요청했습니다. 이 번호로는 더 이상 답장이 나가지 않습니다. 다시 문자를 보내오면 해제됩니다.");
            }

            db.Add(new ChannelMessage
            {
                Channel = inbound.Channel, ExternalId = inbound.ExternalId, Inbound = true, ConversationId = conversation?.Id ?? Guid.Empty, CreatedAt = now,
            });
            await db.SaveChangesAsync(ct);
            return (InboundResult.OptedOut, conversation?.Id ?? Guid.Empty,
                conversation is null ? [] : await journal.ReadAfterAsync(conversation.Id, from, ct), conversation?.QueueId);
        }

        // Writing again is asking for answers again: an earlier opt-out of this address ends.
        await db.Set<ChannelOptOut>().Where(o => o.Channel == inbound.Channel && o.Address == inbound.AddressKey).ExecuteDeleteAsync(ct);

        if (conversation is null && inbound.NoReply)
        {
            // An out-of-office answer or a bounce that belongs to no open thread asks nothing of anyone.
            db.Add(new ChannelMessage { Channel = inbound.Channel, ExternalId = inbound.ExternalId, Inbound = true, CreatedAt = now });
            await db.SaveChangesAsync(ct);
            return (InboundResult.Stored, Guid.Empty, [], null);
        }

        conversation ??= await StartAsync(inbound, now, ct);

        var thread = await db.Set<ChannelThread>().FirstOrDefaultAsync(t => t.ConversationId == conversation.Id, ct);
        if (thread is null)
        {
            thread = new ChannelThread
            {
                ConversationId = conversation.Id, Channel = inbound.Channel, CitizenAddress = inbound.CitizenAddress, OwnAddress = inbound.OwnAddress,
            };
            db.Add(thread);
        }

        thread.UpdatedAt = now;
        // Cleaned like every text a citizen sends (UnsafeCharacters): one line, no control characters (PostgreSQL cannot
        // store a NUL) and no bidi overrides, the same subject in the thread (and its replies' "Re:") as in the message.
        var subject = SubjectOf(inbound);
        if (subject.Length > 0)
        {
            thread.Subject ??= subject.Length > 300 ? subject[..300] : subject;
        }

        if (inbound.Channel == Conversations.Channels.Email)
        {
            thread.References = Email.MailThreading.Append(thread.References, inbound.ExternalId);
            thread.LastExternalId = inbound.ExternalId;
        }

        var body = BodyOf(inbound, subject);
        var safe = guard.Inspect(body, checkAbuse: !inbound.NoReply);
        // An auto-reply or a bounce is shown on the desk but is not a question: the bot must not answer it.
        var message = journal.Append(conversation, inbound.NoReply ? MessageKind.Event : MessageKind.Text, MessageSender.Citizen, body,
            safe: safe, senderName: inbound.NoReply ? DeskNoteName : null);
        foreach (var photo in inbound.Photos)
        {
            var upload = await uploads.SaveAsync(photo.Content, ct);
            db.Add(new ChannelAttachment
            {
                ConversationId = conversation.Id, Seq = message.Seq, UploadId = upload.Id, ContentType = upload.ContentType, Length = upload.Length,
            });
            journal.Append(conversation, MessageKind.Event, MessageSender.System, $"사진 첨부: /api/ars/uploads/{upload.Id}", senderName: DeskNoteName);
        }

        if (inbound.Refused.Count > 0)
        {
            // Said to the citizen through the channel (a system text goes out like a reply), so they can send it again.
            journal.Append(conversation, MessageKind.Text, MessageSender.System,
                "보내주신 첨부파일을 받지 못했습니다. " + string.Join(" ", inbound.Refused));
        }

        db.Add(new ChannelMessage
        {
            Channel = inbound.Channel, ExternalId = inbound.ExternalId, Inbound = true, ConversationId = conversation.Id, Seq = message.Seq, CreatedAt = now,
        });
        await db.SaveChangesAsync(ct);
        return (InboundResult.Stored, conversation.Id, await journal.ReadAfterAsync(conversation.Id, from, ct), conversation.QueueId);
    }

    private static string SubjectOf(InboundMessage inbound) =>
        inbound.Subject is { Length: > 0 } subject ? Minwon.Core.TextSafety.UnsafeCharacters.CleanName(subject).Trim() : "";

    private static string BodyOf(InboundMessage inbound, string subject)
    {
        var text = Minwon.Core.TextSafety.UnsafeCharacters.CleanMessage(inbound.Text).Trim();
        if (subject.Length > 0 && inbound.Channel == Conversations.Channels.Email)
        {
            text = $"[제목] {subject}\n{text}".Trim();
        }

        if (text.Length == 0)
        {
            text = inbound.Photos.Count > 0 ? "(사진)" : "(내용 없음)";
        }

        return text.Length > Message.MaxBodyLength ? text[..(Message.MaxBodyLength - 10)] + " …(이하 생략)" : text;
    }

    /// <summary>The citizen's conversation still open on this thread: by the mail it answers, else by the two addresses.</summary>
    private async Task<Conversation?> OpenConversationAsync(InboundMessage inbound, CancellationToken ct)
    {
        IQueryable<Guid> candidates;
        if (inbound.ThreadIds is { Count: > 0 } ids)
        {
            candidates = db.Set<ChannelMessage>().Where(m => m.Channel == inbound.Channel && ids.Contains(m.ExternalId)).Select(m => m.ConversationId);
        }
        else if (inbound.Channel == Conversations.Channels.Email)
        {
            // A new mail (no In-Reply-To) is a new question, even from someone who wrote before.
            return null;
        }
        else
        {
            candidates = db.Set<ChannelThread>()
                .Where(t => t.Channel == inbound.Channel && t.CitizenAddress == inbound.CitizenAddress && t.OwnAddress == inbound.OwnAddress)
                .Select(t => t.ConversationId);
        }

        // Loaded under its write lock: a message is numbered only there (ConversationJournal).
        return await journal.LoadForWriteAsync(db.Set<Conversation>()
            .Where(c => candidates.Contains(c.Id) && c.Status != ConversationStatus.Closed && c.Status != ConversationStatus.Abandoned
                && c.Status != ConversationStatus.WrapUp)
            .OrderByDescending(c => c.CreatedAt), ct);
    }

    private async Task<Conversation> StartAsync(InboundMessage inbound, DateTimeOffset now, CancellationToken ct)
    {
        var contact = await db.Set<Contact>().FirstOrDefaultAsync(c => c.ExternalKey == inbound.ContactKey, ct);
        if (contact is null)
        {
            contact = new Contact { ExternalKey = inbound.ContactKey, CreatedAt = now };
            db.Add(contact);
        }

        var queues = await db.Set<ServiceQueue>().AsNoTracking().OrderBy(q => q.Id).ToListAsync(ct);
        var queue = (contact.RouteToQueueId is { } flagged ? queues.FirstOrDefault(q => q.Id == flagged) : null)
            ?? queues.FirstOrDefault(q => q.Skills().Contains("channel:" + inbound.Channel))
            ?? queues.FirstOrDefault(q => q.IsDefault) ?? queues.FirstOrDefault()
            ?? throw new ProblemException(StatusCodes.Status503ServiceUnavailable, "상담 대기열이 설정되지 않았습니다.");
        var conversation = new Conversation
        {
            Token = StartChat.NewSecret(32),
            ContactId = contact.Id,
            Channel = inbound.Channel,
            CreatedAt = now,
            Topic = TopicOf(inbound.Channel),
        };
        db.Add(conversation);
        if (bot.Value.Enabled && !inbound.NoReply)
        {
            // No greeting on a text channel: every message costs the citizen a read, so the bot answers the question itself.
            conversation.ServeWithBot(queue.Id);
            journal.Record(new Conversations.Events.ConversationStarted(queue.Id, conversation.Channel, conversation.Language, Bot: true), conversation);
        }
        else
        {
            conversation.Enqueue(queue.Id, queue.Priority, now);
            journal.Record(new Conversations.Events.ConversationQueued(queue.Id, conversation.Channel, conversation.Language), conversation);
        }

        return conversation;
    }

    private static string TopicOf(string channel) => channel switch
    {
        Conversations.Channels.Email => "전자우편 상담",
        Conversations.Channels.TalkTalk => "네이버 톡톡 상담",
        Conversations.Channels.Kakao => "카카오톡 상담",
        Conversations.Channels.X => "X DM 상담",
        _ => "문자 상담",
    };

    private void DeskNote(Conversation conversation, string text) =>
        journal.Append(conversation, MessageKind.Event, MessageSender.System, text, senderName: DeskNoteName);

    [LoggerMessage(Level = LogLevel.Information, Message = "Channel {Channel} message stored in conversation {ConversationId}: {Result}.")]
    private static partial void LogReceived(ILogger logger, string channel, Guid conversationId, InboundResult result);
}
