using Microsoft.EntityFrameworkCore;
using Minwon.Core.Conversations;
using Minwon.Core.Speech;
using Minwon.Core.TextSafety;
using Minwon.Server.Data;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Features.Routing;
using Minwon.Server.Features.Speech.Events;
using Minwon.Server.Features.TextSafety;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Speech;

/// <summary>
/// Stores a final transcript segment as the conversation's message of kind Speech, masked and abuse-checked like chat
/// before anything is stored (<see cref="TextGuard"/>), with its timing row and its <see cref="SpeechTranscribed"/> event in the
/// same unit of work, then pushes it: the desk's transcript and assistant read it, and an abusive citizen line opens the
/// same protection incident as an abusive chat message (ProtectionConsumer reads its MessageSent).
/// </summary>
public sealed class TranscriptWriter(MinwonDbContext db, ConversationJournal journal, LiveBus bus, TextGuard guard, TimeProvider clock,
    Callbot.CallbotSessions callbots)
{
    public sealed record Segment(Guid ConversationId, Guid? CallId, SpeakerSide Side, string? SpeakerId, string Text, long StartMs, long EndMs,
        string Engine, string? ExternalId = null);

    /// <summary>The stored line, or null when the text was empty after cleaning (nothing stored).</summary>
    public async Task<TranscriptLine?> AppendAsync(Segment segment, CancellationToken cancellationToken)
    {
        var text = UnsafeCharacters.CleanMessage(segment.Text).Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (text.Length > Message.MaxBodyLength)
        {
            text = text[..Message.MaxBodyLength];
        }

        var citizen = segment.Side == SpeakerSide.Citizen;
        var safe = guard.Inspect(text, checkAbuse: citizen);
        var name = citizen || segment.SpeakerId is null ? null
            : await db.Set<AgentProfile>().AsNoTracking().Where(a => a.UserId == segment.SpeakerId).Select(a => a.DisplayName).FirstOrDefaultAsync(cancellationToken);
        var clientId = segment.ExternalId is null ? null : "stt:" + segment.ExternalId;

        var (line, dto, isNew, agentId) = await journal.WriteAsync<(TranscriptLine, MessageDto, bool, string?)>(async ct =>
        {
            var conversation = await journal.LoadForWriteAsync(segment.ConversationId, ct)
                ?? throw new InvalidOperationException("The conversation of the call is gone.");
            if (clientId is not null
                && await db.Set<Message>().AsNoTracking().FirstOrDefaultAsync(m => m.ConversationId == conversation.Id && m.ClientMessageId == clientId, ct) is { } existing)
            {
                var timing = await db.Set<TranscriptSegment>().AsNoTracking()
                    .FirstAsync(s => s.ConversationId == conversation.Id && s.MessageSeq == existing.Seq, ct);
                return (ToLine(existing, timing), existing.ToDto(), false, conversation.AssignedToId);
            }

            var message = journal.Append(conversation, MessageKind.Speech, citizen ? MessageSender.Citizen : MessageSender.Agent, text,
                segment.SpeakerId, name, clientId, safe);
            var row = new TranscriptSegment
            {
                ConversationId = conversation.Id,
                CallId = segment.CallId,
                MessageSeq = message.Seq,
                Speaker = citizen ? "citizen" : "counsellor",
                StartMs = segment.StartMs,
                EndMs = segment.EndMs,
                Engine = segment.Engine,
                ExternalId = segment.ExternalId,
                CreatedAt = clock.GetUtcNow(),
            };
            db.Add(row);
            journal.Record(new SpeechTranscribed(message.Seq, segment.CallId, segment.Side, segment.Engine, segment.StartMs, segment.EndMs), conversation);
            await db.SaveChangesAsync(ct);
            return (ToLine(message, row), message.ToDto(), true, conversation.AssignedToId);
        }, cancellationToken);

        if (isNew)
        {
            await bus.PublishAsync(new MessageAdded(segment.ConversationId, dto, agentId));
            if (citizen)
            {
                // The callbot, when it is answering this call, takes the line as the caller's answer.
                callbots.Heard(segment.ConversationId, line.Text);
            }
        }

        return line;
    }

    public static TranscriptLine ToLine(Message m, TranscriptSegment s) =>
        new(m.Seq, s.Speaker, m.SenderName, m.Body, s.StartMs, s.EndMs, m.Abuse, m.ProtectedOriginal is not null, m.CreatedAt);
}
