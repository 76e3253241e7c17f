using System.Text.Json;
using Minwon.Server.Platform;

namespace Minwon.Server.Features.ChannelAdapters.Sms;

public sealed record SmsMediaItem(string? Url, string? ContentType);

/// <summary>The gateway's inbound message (docs/channels.md, "SMS contract").</summary>
public sealed record SmsInboundRequest(string? MessageId, string? From, string? To, string? Text, DateTimeOffset? ReceivedAt, List<SmsMediaItem>? Media);

/// <summary>
/// An SMS, LMS or MMS from the gateway: validated and stored in the durable inbox (<see cref="ChannelInbox"/>) before the
/// 202, once per messageId; then, off the event log (<see cref="ProcessChannelInbox"/>), <see cref="ProcessSms"/> fetches
/// and checks its images and hands the whole to <see cref="ReceiveChannelMessage"/>. A singleton with the inbox as its only
/// dependency: the webhook is the hot path (1,000 a second in a burst) and builds no database context of its own.
/// </summary>
public sealed class ReceiveSms(ChannelInbox inbox)
{
    /// <summary>Validates and accepts the webhook: Stored (queued), Duplicate (this messageId came before) or OptedOut (a 수신거부, queued).</summary>
    public async Task<InboundResult> HandleAsync(SmsInboundRequest request, CancellationToken cancellationToken)
    {
        var messageId = request.MessageId?.Trim();
        if (!ChannelMessage.IsExternalId(messageId))
        {
            throw ProblemException.Invalid(ChannelMessage.ExternalIdProblem("messageId"));
        }

        var from = Address(request.From, "from");
        var to = Address(request.To, "to");
        if (request.Text is null)
        {
            throw ProblemException.Invalid("text가 없습니다 (내용 없는 MMS는 빈 문자열로 보내 주세요).");
        }

        // The messengers' rule for a citizen's text: at most 10,000 characters and no NUL (refused at the door: PostgreSQL
        // cannot store it, so the message would fail in the inbound consumer after the gateway was told it was accepted).
        Messengers.MessengerWebhook.Text(request.Text, "text");

        if (request.ReceivedAt is not { } receivedAt)
        {
            throw ProblemException.Invalid("receivedAt(ISO-8601 시각)이 없습니다.");
        }

        var items = request.Media ?? [];
        if (items.Count > 20)
        {
            throw ProblemException.Invalid("media는 20개 이하여야 합니다.");
        }

        var urls = new List<Uri>();
        foreach (var item in items)
        {
            if (item is null || !Uri.TryCreate(item.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            {
                throw ProblemException.Invalid("media[].url은 http(s) 주소여야 합니다.");
            }

            urls.Add(url);
        }

        var accepted = request with { MessageId = messageId, From = from, To = to, ReceivedAt = receivedAt, Media = items };
        if (!await inbox.AcceptAsync(Conversations.Channels.Sms, messageId, accepted, cancellationToken))
        {
            return InboundResult.Duplicate;
        }

        return Minwon.Core.Channels.OptOut.IsOptOut(request.Text) ? InboundResult.OptedOut : InboundResult.Stored;
    }

    private static string Address(string? raw, string field)
    {
        var value = raw?.Trim();
        if (value is not { Length: >= 3 and <= 20 } || !value.All(c => char.IsAsciiDigit(c) || c is '+' or '-')
            || value.Count(char.IsAsciiDigit) < 3)
        {
            throw ProblemException.Invalid($"{field}: 전화번호(숫자, +, -; 3~20자)여야 합니다.");
        }

        return value;
    }

    /// <summary>Reads the body after the key was checked, so a bad key is refused before anything about the body is said.</summary>
    public static async Task<T> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await request.ReadFromJsonAsync<T>(cancellationToken) ?? throw ProblemException.Invalid("본문이 비어 있습니다.");
        }
        catch (JsonException e)
        {
            throw ProblemException.Invalid("JSON 본문을 읽을 수 없습니다: " + e.Message.Split('.')[0] + ".");
        }
        catch (InvalidOperationException)
        {
            throw new ProblemException(StatusCodes.Status415UnsupportedMediaType, "요청이 올바르지 않습니다.", "본문은 application/json이어야 합니다.");
        }
    }
}
