using Microsoft.EntityFrameworkCore;
using Minwon.Server.Data;
using Minwon.Server.Platform;

namespace Minwon.Server.Features.ChannelAdapters.Sms;

/// <param name="Status">delivered or failed; anything else (sent, queued) is noted as received and changes nothing.</param>
public sealed record SmsStatusRequest(string? MessageId, string? Status, string? Error);

/// <summary>The gateway's delivery receipt for a reply (by the messageId Minwon sent): delivered, or failed with a note on the desk.</summary>
public sealed class SmsDeliveryReceipt(MinwonDbContext db, TimeProvider clock, IServiceProvider services)
{
    public async Task HandleAsync(SmsStatusRequest request, CancellationToken cancellationToken)
    {
        // No control characters in the id or the status, no NUL in the error, all checked before the lookup: PostgreSQL
        // cannot take a NUL as a query parameter or store one, so such a receipt was a 500 (and on SQLite a NUL error was
        // stored), never a clear answer to the gateway.
        var id = request.MessageId;
        if (!ChannelMessage.IsExternalId(id))
        {
            throw ProblemException.Invalid(ChannelMessage.ExternalIdProblem("messageId"));
        }

        var status = request.Status?.Trim().ToLowerInvariant();
        if (status is not { Length: > 0 and <= 40 } || status.Any(char.IsControl))
        {
            throw ProblemException.Invalid("status가 없거나 제어 문자가 있습니다 (delivered 또는 failed).");
        }

        if (request.Error is { } gatewayError && gatewayError.Contains('\0', StringComparison.Ordinal))
        {
            throw ProblemException.Invalid("error에 NUL 문자(\\u0000)가 있습니다.");
        }

        var item = await db.Set<ChannelOutboxItem>().FirstOrDefaultAsync(o => o.Channel == Conversations.Channels.Sms && o.ExternalId == id, cancellationToken)
            ?? throw ProblemException.NotFound("그 messageId로 보낸 문자가 없습니다.");
        if (status == "delivered" && item.Status != DeliveryStatus.Delivered)
        {
            item.Status = DeliveryStatus.Delivered;
            item.DeliveredAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
        }
        else if (status == "failed" && item.Status is DeliveryStatus.Sent or DeliveryStatus.Pending)
        {
            item.Status = DeliveryStatus.Failed;
            item.LastError = (request.Error is { Length: > 0 } error ? "gateway: " + error : "gateway reported failure") is var e && e.Length > 200 ? e[..200] : e;
            await db.SaveChangesAsync(cancellationToken);
            await ChannelOutboxSender.NoteFailureAsync(services, item.ConversationId, item.Seq, "문자 전달 실패", cancellationToken);
        }
    }
}
