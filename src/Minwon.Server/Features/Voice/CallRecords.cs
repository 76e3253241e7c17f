using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Minwon.Core.Conversations;
using Minwon.Server.Data;
using Minwon.Server.Features.Cases;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Features.Routing;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Voice;

public sealed record CallStarted(Guid CallId, Guid? ConversationId, bool Echo, bool Callbot = false);

public sealed record QueueInfo(ConversationStatus Status, int Position, int ExpectedWaitSeconds, CallState CallState);

/// <summary>
/// The database side of a call's life: connect (contact, conversation queued like a chat, call record), queue
/// position, callback booking, hang-up. Each step is one unit of work on the conversation's concurrency token, and
/// each writes its events in the existing journal style.
/// </summary>
public sealed class CallRecords(MinwonDbContext db, ConversationJournal journal, TimeProvider clock, LiveBus bus,
    IOptions<VoiceOptions> options, Platform.CityClock cityClock, Platform.NodeIdentity node, Features.Speech.Callbot.CallbotSchedule callbot)
{
    public const string AudioSocket = "audiosocket";
    public const string MediaStream = "mediastream";
    public const string WebCall = "webcall";

    /// <summary>The caller's audio connected: the call joins its queue as a conversation (or is an echo line check).</summary>
    public async Task<CallStarted> ConnectAsync(string transport, string externalId, string? from, string? to, CancellationToken cancellationToken)
    {
        var result = await journal.WriteAsync(async ct =>
        {
            var now = clock.GetUtcNow();
            var call = await db.Set<Call>().FirstOrDefaultAsync(c => c.Transport == transport && c.ExternalId == externalId, ct);
            if (call is null)
            {
                call = new Call { Transport = transport, ExternalId = externalId, CreatedAt = now, CallerNumber = Clean(from), DialledNumber = Clean(to) };
                db.Add(call);
            }
            else if (call.State != CallState.Announced)
            {
                throw new InvalidOperationException("This call has already connected.");
            }

            call.State = CallState.Waiting;
            call.ConnectedAt = now;
            call.NodeName = node.Id;
            call.Version = Guid.NewGuid();
            if (call.DialledNumber is { } dialled && dialled == options.Value.EchoNumber)
            {
                await db.SaveChangesAsync(ct);
                return (new CallStarted(call.Id, null, Echo: true), (int?)null);
            }

            var channel = transport == WebCall ? Channels.WebCall : Channels.Phone;
            var path = call.HandoffPath is { } json ? System.Text.Json.JsonSerializer.Deserialize<List<string>>(json) ?? [] : [];
            var contact = await ContactAsync(call, now, ct);
            var queue = await PhoneQueueAsync(contact, ct);
            // The callbot answers first on its lines and hours: the conversation waits with the bot (New), not in the queue.
            // A web call placed from the visual ARS has been through the menu already and goes straight to the queue.
            var bot = path.Count == 0 && callbot.Serves(transport, call.DialledNumber);
            var conversation = new Conversation
            {
                Token = StartChat.NewSecret(32),
                ContactId = contact.Id,
                Channel = channel,
                CreatedAt = now,
                Topic = path.Count > 0 ? "보이는 ARS: " + string.Join(" > ", path.TakeLast(3))
                    : bot ? "콜봇 상담" : channel == Channels.WebCall ? "웹 전화 상담" : "전화 상담",
            };
            db.Add(conversation);
            call.ConversationId = conversation.Id;
            journal.Record(new Events.CallConnected(call.Id, transport), conversation);
            if (bot)
            {
                conversation.ServeWithBot(queue.Id);
                journal.AppendEvent(conversation, "전화가 연결되었습니다. 녹음 안내 후 콜봇이 안내합니다.");
                await db.SaveChangesAsync(ct);
                return (new CallStarted(call.Id, conversation.Id, Echo: false, Callbot: true), (int?)null);
            }

            conversation.Enqueue(queue.Id, queue.Priority, now);
            journal.AppendEvent(conversation, "전화가 연결되었습니다. 녹음 안내 후 상담 대기 중입니다.");
            journal.Record(new Conversations.Events.ConversationQueued(queue.Id, conversation.Channel, conversation.Language), conversation);
            await db.SaveChangesAsync(ct);
            return (new CallStarted(call.Id, conversation.Id, Echo: false), (int?)queue.Id);
        }, cancellationToken);
        if (result.Item2 is { } queueId)
        {
            await bus.PublishAsync(new QueueChanged(queueId));
        }

        return result.Item1;
    }

    public async Task<QueueInfo?> QueueInfoAsync(Guid callId, CancellationToken ct)
    {
        var row = await (from call in db.Set<Call>().AsNoTracking()
                         join c in db.Set<Conversation>().AsNoTracking() on call.ConversationId equals c.Id
                         where call.Id == callId
                         select new { call.State, c.Status, c.QueueId, c.Priority, c.FirstEnqueuedAt }).FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }

        var position = 0;
        var wait = 0;
        if (row.Status is ConversationStatus.Queued or ConversationStatus.Offered)
        {
            var first = row.FirstEnqueuedAt ?? clock.GetUtcNow();
            position = 1 + await db.Set<Conversation>().AsNoTracking().CountAsync(c => c.QueueId == row.QueueId
                && (c.Status == ConversationStatus.Queued || c.Status == ConversationStatus.Offered)
                && (c.Priority > row.Priority || c.Priority == row.Priority && c.FirstEnqueuedAt < first), ct);
            // As web chat's waiting page: counsellors who could answer now, and taking phone calls.
            var staffed = await db.Set<AgentProfile>().AsNoTracking().AnswerableNow(db, clock.GetUtcNow())
                .CountAsync(a => a.Skills.Contains("channel:phone"), ct);
            wait = position * await HandleSecondsAsync(ct) / Math.Max(1, staffed);
        }

        return new QueueInfo(row.Status, position, wait, row.State);
    }

    /// <summary>The caller pressed 1 after the callback offer: a callback case, and the conversation closes.</summary>
    public async Task<string?> BookCallbackAsync(Guid callId, CancellationToken cancellationToken)
    {
        var receipt = await journal.WriteAsync(async ct =>
        {
            var call = await db.Set<Call>().FirstAsync(c => c.Id == callId, ct);
            var conversation = await journal.LoadForWriteAsync(call.ConversationId, ct);
            if (conversation is null || !ConversationLifecycle.CanApply(conversation.Status, ConversationTrigger.CallbackBooked))
            {
                return null;
            }

            var now = clock.GetUtcNow();
            var record = new Case
            {
                ReceiptNumber = await ReceiptNumbers.NextAsync(db, cityClock.DayOf(now), ct),
                ContactId = conversation.ContactId,
                ConversationId = conversation.Id,
                Summary = "전화 대기 중 콜백 예약",
                Disposition = CaseDisposition.CallbackNeeded,
                Channel = conversation.Channel,
                CreatedAt = now,
            };
            db.Add(record);
            db.Add(new Chatbot.CallbackRequest { CaseId = record.Id, Phone = call.CallerNumber ?? "발신번호 없음", CreatedAt = now });
            conversation.BookCallback(now);
            journal.AppendEvent(conversation, $"콜백 예약이 접수되었습니다. 접수번호 {record.ReceiptNumber}");
            journal.Record(new Chatbot.Events.CallbackRequested(record.Id), conversation);
            await db.SaveChangesAsync(ct);
            return record.ReceiptNumber;
        }, cancellationToken);
        await bus.PublishAsync(new QueueChanged(null));
        return receipt;
    }

    /// <summary>
    /// The call is over (the caller hung up, the transport broke, the node stopped): the record keeps the cause, and
    /// the conversation moves as when a chat citizen leaves: abandoned while waiting, wrap-up after an answer.
    /// </summary>
    public async Task EndAsync(Guid callId, string cause, CancellationToken cancellationToken)
    {
        var changed = await journal.WriteAsync(async ct =>
        {
            var call = await db.Set<Call>().FirstOrDefaultAsync(c => c.Id == callId, ct);
            if (call is null || call.State == CallState.Ended)
            {
                return ((Guid?)null, (string?)null);
            }

            var now = clock.GetUtcNow();
            call.State = CallState.Ended;
            call.EndedAt = now;
            call.HangupCause = cause.Length > 40 ? cause[..40] : cause;
            call.Version = Guid.NewGuid();
            string? agent = null;
            if (await journal.LoadForWriteAsync(call.ConversationId, ct) is { } conversation)
            {
                agent = conversation.AssignedToId ?? conversation.OfferedToId;
                switch (conversation.Status)
                {
                    case ConversationStatus.New or ConversationStatus.Queued or ConversationStatus.Offered:
                        conversation.CitizenLeft(now);
                        journal.AppendEvent(conversation, "시민이 통화를 끊었습니다.");
                        journal.Record(new Conversations.Events.ConversationAbandoned(conversation.QueueId), conversation);
                        break;
                    case ConversationStatus.Assigned:
                        var byAgent = cause == "agent-hangup";
                        if (byAgent)
                        {
                            conversation.EndChat(now);
                        }
                        else
                        {
                            conversation.CitizenLeft(now);
                        }

                        journal.AppendEvent(conversation, byAgent ? "상담사가 통화를 종료했습니다." : "통화가 종료되었습니다.");
                        journal.Record(new Conversations.Events.ConversationEnded(byAgent ? MessageSender.Agent : MessageSender.Citizen,
                            byAgent ? conversation.AssignedToId : null), conversation);
                        break;
                }

                journal.Record(new Events.CallEnded(call.Id, call.HangupCause), conversation);
            }

            await db.SaveChangesAsync(ct);
            return (call.ConversationId, agent);
        }, cancellationToken);
        if (changed.Item1 is { } conversationId)
        {
            await bus.PublishAsync(new ConversationChanged(conversationId, changed.Item2));
            await bus.PublishAsync(new QueueChanged(null));
            if (changed.Item2 is { } agentId)
            {
                await bus.PublishAsync(new AgentChanged(agentId));
            }
        }
    }

    public async Task<CallRecording> StartRecordingAsync(Guid callId, Guid? conversationId, string protectedKey, int sampleRate, CancellationToken ct)
    {
        var id = Guid.CreateVersion7();
        var recording = new CallRecording
        {
            Id = id, CallId = callId, ConversationId = conversationId, FileName = id.ToString("N") + ".mwrec",
            ProtectedKey = protectedKey, SampleRate = sampleRate, StartedAt = clock.GetUtcNow(),
        };
        db.Add(recording);
        await db.SaveChangesAsync(ct);
        return recording;
    }

    public async Task FinishRecordingAsync(Guid recordingId, long durationMs, CancellationToken ct)
    {
        var recording = await db.Set<CallRecording>().FirstOrDefaultAsync(r => r.Id == recordingId, ct);
        if (recording is not null)
        {
            recording.EndedAt = clock.GetUtcNow();
            recording.DurationMs = durationMs;
            await db.SaveChangesAsync(ct);
        }
    }

    private async Task<int> HandleSecondsAsync(CancellationToken ct)
    {
        var since = clock.GetUtcNow().AddDays(-1);
        var handled = await db.Set<Conversation>().AsNoTracking()
            .Where(c => (c.Channel == Channels.Phone || c.Channel == Channels.WebCall) && c.AnsweredAt != null && c.EndedAt != null && c.EndedAt > since)
            .OrderByDescending(c => c.EndedAt).Select(c => new { c.AnsweredAt, c.EndedAt }).Take(500).ToListAsync(ct);
        return handled.Count < 5
            ? options.Value.DefaultHandleSeconds
            : (int)handled.Average(c => (c.EndedAt!.Value - c.AnsweredAt!.Value).TotalSeconds);
    }

    private async Task<Contact> ContactAsync(Call call, DateTimeOffset now, CancellationToken ct)
    {
        // The caller's number is the contact key, kept as a hash so the key itself reveals no number; an unknown
        // caller (no announcement, withheld number) gets a contact of its own. A web caller's number is only typed
        // in (for a callback), not proven: it must not open someone else's history, so web calls get their own.
        var key = call.Transport != WebCall && call.CallerNumber is { Length: > 0 } number
            ? "tel:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Digits(number))))
            : "call:" + call.Id.ToString("N");
        var contact = await db.Set<Contact>().FirstOrDefaultAsync(c => c.ExternalKey == key, ct);
        if (contact is null)
        {
            contact = new Contact { ExternalKey = key, CreatedAt = now };
            db.Add(contact);
        }

        return contact;
    }

    private async Task<ServiceQueue> PhoneQueueAsync(Contact contact, CancellationToken ct)
    {
        if (contact.RouteToQueueId is { } flagged && await db.Set<ServiceQueue>().FindAsync([flagged], ct) is { } designated)
        {
            return designated;
        }

        var queues = await db.Set<ServiceQueue>().AsNoTracking().OrderByDescending(q => q.Priority).ThenBy(q => q.Id).ToListAsync(ct);
        return queues.FirstOrDefault(q => q.Skills().Contains("channel:phone") && q.Skills().Contains("lang:ko"))
            ?? queues.FirstOrDefault(q => q.Skills().Contains("channel:phone"))
            ?? queues.FirstOrDefault(q => q.IsDefault) ?? queues.First();
    }

    public static string? Clean(string? number)
    {
        if (string.IsNullOrWhiteSpace(number))
        {
            return null;
        }

        var kept = new string(number.Trim().Where(c => char.IsAsciiDigit(c) || c is '+' or '*' or '#' or '-' || char.IsAsciiLetter(c)).ToArray());
        return kept.Length == 0 ? null : kept[..Math.Min(kept.Length, 32)];
    }

    private static string Digits(string number)
    {
        var digits = new string(number.Where(char.IsAsciiDigit).ToArray());
        // +82 10 ... and 010 ... are the same Korean number.
        return digits.StartsWith("82", StringComparison.Ordinal) && digits.Length > 9 ? "0" + digits[2..] : digits;
    }
}
