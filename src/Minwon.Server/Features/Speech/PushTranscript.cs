using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Minwon.Core.Speech;
using Minwon.Server.Data;
using Minwon.Server.Features.TextSafety;
using Minwon.Server.Features.Voice;
using Minwon.Server.Platform;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Speech;

/// <summary>A segment an outside STT system heard on a call.</summary>
/// <param name="Speaker">"citizen" (or "caller") or "counsellor" (or "agent").</param>
/// <param name="Text">What was said.</param>
/// <param name="Final">false for a partial line still being spoken (shown, not stored).</param>
/// <param name="StartMs">From the start of the call's recording, when known.</param>
/// <param name="EndMs">From the start of the call's recording, when known.</param>
/// <param name="SegmentId">The system's id of the segment: a retried push with the same id is stored once.</param>
public sealed record PushSegmentRequest(string? Speaker, string? Text, bool Final = true, long? StartMs = null, long? EndMs = null,
    string? SegmentId = null);

/// <summary>
/// Pushed transcripts (<c>Minwon:Speech:Engine=pushed</c>): an existing STT system posts the segments it heard on a
/// call, by Minwon's call id or the PBX's id of the call (the AudioSocket UUID, the carrier's callSid). Final segments
/// are stored like any transcript line (masked, abuse-checked); partial ones are pushed to the desk, masked, and kept
/// nowhere.
/// </summary>
public sealed class PushTranscript(MinwonDbContext db, TranscriptWriter writer, TextGuard guard, LiveBus bus, IOptions<SpeechOptions> options,
    Callbot.CallbotSessions callbots)
{
    public const int MaxSegmentId = 48;

    public async Task<TranscriptLine?> HandleAsync(string call, PushSegmentRequest request, CancellationToken cancellationToken)
    {
        if (options.Value.Engine != "pushed")
        {
            throw ProblemException.Conflict("이 설치는 외부 음성 인식 결과를 받지 않습니다 (Minwon:Speech:Engine이 pushed가 아닙니다).");
        }

        var side = request.Speaker?.ToLowerInvariant() switch
        {
            "citizen" or "caller" => SpeakerSide.Citizen,
            "counsellor" or "counselor" or "agent" => SpeakerSide.Counsellor,
            _ => throw ProblemException.Invalid("speaker는 citizen 또는 counsellor여야 합니다."),
        };
        if (string.IsNullOrWhiteSpace(request.Text))
        {
            throw ProblemException.Invalid("text가 비어 있습니다.");
        }

        if (request.Text.Length > Conversations.Message.MaxBodyLength)
        {
            throw ProblemException.Invalid($"text는 {Conversations.Message.MaxBodyLength:N0}자 이하여야 합니다.");
        }

        if (request.SegmentId is { Length: > MaxSegmentId })
        {
            throw ProblemException.Invalid($"segmentId는 {MaxSegmentId}자 이하여야 합니다.");
        }

        if (request.StartMs is < 0 || request.EndMs is < 0 || request is { StartMs: { } s, EndMs: { } e } && e < s)
        {
            throw ProblemException.Invalid("startMs와 endMs는 0 이상이고 endMs가 startMs보다 작을 수 없습니다.");
        }

        var byId = Guid.TryParse(call, out var parsed) ? parsed : Guid.Empty;
        var found = await db.Set<Call>().AsNoTracking()
            .Where(c => c.Id == byId || c.ExternalId == call)
            .Select(c => new { c.Id, c.ConversationId, c.State })
            .FirstOrDefaultAsync(cancellationToken);
        if (found?.ConversationId is not { } conversationId)
        {
            throw ProblemException.NotFound("통화를 찾을 수 없습니다.");
        }

        if (!request.Final)
        {
            if (side == SpeakerSide.Citizen)
            {
                callbots.Speaking(conversationId);
            }

            await bus.PublishAsync(new TranscriptChanged(conversationId, TranscriptBoard.Live,
                side == SpeakerSide.Citizen ? "citizen" : "counsellor", guard.Mask(request.Text)));
            return null;
        }

        // The speaker of a counsellor line is whoever holds the call now.
        var agent = side == SpeakerSide.Counsellor
            ? await db.Set<Call>().AsNoTracking().Where(c => c.Id == found.Id).Select(c => c.AgentId).FirstOrDefaultAsync(cancellationToken)
            : null;
        return await writer.AppendAsync(new TranscriptWriter.Segment(conversationId, found.Id, side, agent, request.Text,
            request.StartMs ?? -1, request.EndMs ?? -1, "pushed", request.SegmentId), cancellationToken);
    }
}
