using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Minwon.Core.Conversations;
using Minwon.Core.TextSafety;
using Minwon.Server.Data;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Features.Routing;
using Minwon.Server.Platform;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Video;

public sealed record StartVideoCallRequest(string? Name, string? ContactKey);

public sealed record StartVideoCallResponse(Guid ConversationId, string Token, string ContactKey);

/// <summary>
/// The citizen presses "수어 상담" (after the camera is allowed): a conversation on the video channel queues at once in
/// the sign-language queue. The token is the citizen's credential for the chat beside the video, the signalling on
/// /hubs/citizen and the TURN credentials, as it is for web chat.
/// </summary>
public sealed class StartVideoCall(MinwonDbContext db, ConversationJournal journal, TimeProvider clock, CityClock cityClock,
    IOptions<ChatOptions> chat, IOptions<VideoOptions> options, LiveBus bus)
{
    public async Task<StartVideoCallResponse> HandleAsync(StartVideoCallRequest? request, CancellationToken ct)
    {
        if (!options.Value.Enabled)
        {
            throw new ProblemException(StatusCodes.Status503ServiceUnavailable, "수어 상담을 지금은 이용할 수 없습니다.",
                "채팅 상담이나 문자(SMS)로 문의해 주세요.");
        }

        var now = clock.GetUtcNow();
        if (!chat.Value.IsOpen(cityClock.Local(now)))
        {
            throw new ProblemException(StatusCodes.Status503ServiceUnavailable, "지금은 상담 시간이 아닙니다.", $"상담 시간은 {chat.Value.OpenHours}입니다.");
        }

        var queue = await db.Set<ServiceQueue>().AsNoTracking().OrderBy(q => q.Id)
            .FirstOrDefaultAsync(q => q.RequiredSkills.Contains(VideoCalls.ChannelSkill), ct)
            ?? throw new ProblemException(StatusCodes.Status503ServiceUnavailable, "수어 상담 대기열이 설정되지 않았습니다.", "관리자에게 문의해 주세요.");
        if (await db.Set<Conversation>().CountAsync(c => c.QueueId == queue.Id
                && (c.Status == ConversationStatus.Queued || c.Status == ConversationStatus.Offered), ct) >= queue.MaxWaiting)
        {
            throw new ProblemException(StatusCodes.Status503ServiceUnavailable, "지금은 수어 상담 대기가 가득 찼습니다.", "잠시 후 다시 시도해 주세요.");
        }

        var contactKey = StartChat.IsValidKey(request?.ContactKey) ? request!.ContactKey! : StartChat.NewSecret(18);
        var contact = await db.Set<Contact>().FirstOrDefaultAsync(c => c.ExternalKey == contactKey, ct);
        if (contact is null)
        {
            contact = new Contact { ExternalKey = contactKey, CreatedAt = now };
            db.Add(contact);
        }

        if (UnsafeCharacters.CleanName(request?.Name ?? "").Trim() is { Length: > 0 } name)
        {
            contact.DisplayName = name[..Math.Min(name.Length, 50)];
        }

        var conversation = new Conversation
        {
            Token = StartChat.NewSecret(32), ContactId = contact.Id, Channel = Channels.Video, Language = "ko", CreatedAt = now, Topic = "수어 상담",
        };
        db.Add(conversation);
        conversation.Enqueue(queue.Id, queue.Priority, now);
        journal.AppendEvent(conversation, "수어 상담 대기 중입니다. 수어 상담사가 곧 영상으로 연결됩니다.");
        journal.Record(new Conversations.Events.ConversationQueued(queue.Id, conversation.Channel, conversation.Language), conversation);
        await db.SaveChangesAsync(ct);
        await bus.PublishAsync(new QueueChanged(queue.Id));
        return new StartVideoCallResponse(conversation.Id, conversation.Token, contactKey);
    }
}
