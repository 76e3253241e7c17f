using Microsoft.EntityFrameworkCore;
using Minwon.Core.Conversations;
using Minwon.Server.Data;
using Minwon.Server.Platform;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Conversations;

public sealed record PostMessageRequest(string? Body, string? ClientMessageId);

/// <summary>
/// Stores a citizen's or counsellor's message, once (a retry with the same client id returns the stored one),
/// then pushes it. Empty, oversized or late messages are refused and nothing is stored.
/// </summary>
public sealed class PostMessage(MinwonDbContext db, ConversationJournal journal, LiveBus bus, TextSafety.TextGuard guard,
    ChannelAdapters.ChannelRegistry channels, MessagePostLimiter limiter)
{
    public Task<MessageDto> FromCitizenAsync(string token, PostMessageRequest request, CancellationToken cancellationToken) =>
        PostAsync(ct => journal.LoadForWriteByTokenAsync(token, ct), MessageSender.Citizen, null, null, request, cancellationToken);

    /// <summary>A counsellor's post with the display name stored with the message (the desk has it at hand).</summary>
    public Task<MessageDto> FromAgentAsync(Guid conversationId, string agentId, string agentName, PostMessageRequest request,
        CancellationToken cancellationToken) =>
        PostAsync(ct => AssignedAsync(conversationId, agentId, ct), MessageSender.Agent, agentId, agentName, request, cancellationToken);

    /// <summary>
    /// A counsellor's post over the API: the display name stored with the message is read after the post limiter let it in, on
    /// the post's own connection (it was read before, so an overloaded node queried and waited for a pooled connection
    /// before it could refuse; docs/benchmarks/load.md).
    /// </summary>
    public Task<MessageDto> FromAgentAsync(Guid conversationId, string agentId, PostMessageRequest request, CancellationToken cancellationToken) =>
        PostAsync(ct => AssignedAsync(conversationId, agentId, ct), MessageSender.Agent, agentId, null, request, cancellationToken);

    /// <summary>The conversation loaded for writing, null when it is not assigned to this counsellor.</summary>
    private async Task<Conversation?> AssignedAsync(Guid conversationId, string agentId, CancellationToken cancellationToken) =>
        await journal.LoadForWriteAsync(conversationId, cancellationToken) is { } c && c.AssignedToId == agentId ? c : null;

    /// <param name="which">Loads the conversation for writing (ConversationJournal), null when it is not the sender's.</param>
    /// <param name="senderName">A counsellor's display name; null: read from the profile once the limiter let the post in.</param>
    private async Task<MessageDto> PostAsync(Func<CancellationToken, Task<Conversation?>> which,
        MessageSender sender, string? senderId, string? senderName, PostMessageRequest request, CancellationToken cancellationToken)
    {
        var body = Validate(request);
        // Masked and checked before anything is stored, so no unmasked copy reaches the searchable tables or logs.
        var safe = guard.Inspect(body, checkAbuse: sender == MessageSender.Citizen);
        var clientId = request.ClientMessageId is { Length: > 0 and <= 64 } id ? id : null;
        if (request.ClientMessageId is { Length: > 64 })
        {
            throw ProblemException.Invalid("clientMessageId는 64자 이하여야 합니다.");
        }

        // Bad input was refused above without a permit; an overloaded node answers 503 with Retry-After here, quickly.
        using var permit = await limiter.EnterAsync(cancellationToken);
        // One connection for the reads and the write: each open and close goes through the pool's lock, which the
        // load test showed as the busiest lock of a chat message (docs/benchmarks/load.md).
        await db.Database.OpenConnectionAsync(cancellationToken);
        (MessageDto, bool, Guid, string?) result;
        try
        {
            if (sender == MessageSender.Agent && senderName is null)
            {
                senderName = await db.Set<Routing.AgentProfile>().Where(a => a.UserId == senderId).Select(a => a.DisplayName)
                    .FirstOrDefaultAsync(cancellationToken) ?? "상담사";
            }

            result = await AppendAsync(which, sender, senderId, senderName, body, safe, clientId, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        var (stored, isNew, conversationId, agentId) = result;
        if (isNew)
        {
            // The protection incident of an abusive message is opened from the event log (ProtectionConsumer).
            await bus.PublishAsync(new MessageAdded(conversationId, stored, agentId));
        }

        return stored;
    }

    private Task<(MessageDto, bool, Guid, string?)> AppendAsync(Func<CancellationToken, Task<Conversation?>> which,
        MessageSender sender, string? senderId, string? senderName, string body, TextSafety.SafeText safe, string? clientId,
        CancellationToken cancellationToken)
    {
        var attempts = 0;
        return journal.WriteAsync(async ct =>
        {
            attempts++;
            // Overlapping sends of one conversation (and the bot, counsellor actions, transcripts ...) queue on its write
            // lock and each reads the LastSeq the one before it committed (ConversationJournal, docs/load.md).
            var conversation = await which(ct) ?? throw ProblemException.NotFound();
            string? refusal = null;
            if (conversation.Status is ConversationStatus.Closed or ConversationStatus.Abandoned
                || sender == MessageSender.Citizen && conversation.Status == ConversationStatus.WrapUp)
            {
                refusal = "종료된 상담에는 메시지를 보낼 수 없습니다.";
            }

            // A reply that leaves through an SMS gateway or a mail server must fit it: the counsellor is told before anything is stored.
            var tooLong = refusal is null && sender == MessageSender.Agent ? channels.CheckReply(conversation.Channel, safe.Masked) : null;

            // A client's retry of a stored message gets the stored one. Looked up only where it matters: on a retried attempt (the
            // first one hit the unique (ConversationId, ClientMessageId) index, or lost another race) and before a refusal. A
            // first attempt of a new message (nearly every one) skips the query: a round trip per chat message (docs/load.md).
            if (clientId is not null && (attempts > 1 || refusal is not null || tooLong is not null)
                && await db.Set<Message>().AsNoTracking().FirstOrDefaultAsync(
                    m => m.ConversationId == conversation.Id && m.ClientMessageId == clientId, ct) is { } existing)
            {
                return (existing.ToDto(), false, conversation.Id, conversation.AssignedToId);
            }

            if (refusal is not null)
            {
                throw ProblemException.Conflict(refusal);
            }

            if (tooLong is not null)
            {
                throw ProblemException.Invalid(tooLong);
            }

            var message = journal.Append(conversation, MessageKind.Text, sender, body, senderId, senderName, clientId, safe);
            await db.SaveChangesAsync(ct);
            return (message.ToDto(), true, conversation.Id, conversation.AssignedToId);
        }, cancellationToken);
    }

    public static string Validate(PostMessageRequest request)
    {
        // Control characters and bidi overrides carry no text; a message made only of them is empty.
        var body = request.Body is null ? null : Minwon.Core.TextSafety.UnsafeCharacters.CleanMessage(request.Body).Trim();
        if (string.IsNullOrEmpty(body))
        {
            throw ProblemException.Invalid("메시지가 비어 있습니다.");
        }

        if (body.Length > Message.MaxBodyLength)
        {
            throw ProblemException.Invalid($"메시지는 {Message.MaxBodyLength:N0}자 이하여야 합니다 (현재 {body.Length:N0}자).");
        }

        return body;
    }
}
