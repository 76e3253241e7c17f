using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using MimeKit;
using Minwon.Core.Channels;
using Minwon.Core.TextSafety;
using Minwon.Core.VisualArs;

namespace Minwon.Server.Features.ChannelAdapters.Email;

/// <summary>
/// One mail from the mailbox as a channel message: threaded by Message-ID, In-Reply-To and References; the text body
/// (or the HTML body reduced to text) without the quoted history; photos checked like uploads (type from their bytes,
/// size) and anything else refused with a line for the citizen; auto-replies and bounces marked so nobody answers them.
/// A mail cannot be refused like a webhook: its subject and body are cleaned of control characters (PostgreSQL cannot
/// store a NUL) where every channel's text is (<see cref="ReceiveChannelMessage"/>, UnsafeCharacters), its sender address
/// here the same way (the change logged: replies go to the cleaned address); a Message-ID or a thread id with a control
/// character is not used as an id.
/// </summary>
public sealed partial class ReceiveEmail(ReceiveChannelMessage receive, IOptions<ChannelOptions> options, ILogger<ReceiveEmail> logger)
{
    public async Task<InboundResult> HandleAsync(MimeMessage mail, CancellationToken cancellationToken)
    {
        var o = options.Value.Email;
        var sender = mail.From.Mailboxes.FirstOrDefault()?.Address;
        var from = sender is null ? null : UnsafeCharacters.CleanName(sender).Trim();
        var messageId = ChannelMessage.IsExternalId(mail.MessageId) ? mail.MessageId : Synthetic(mail);
        if (from is not { Length: > 3 and <= 320 } || !from.Contains('@', StringComparison.Ordinal))
        {
            // No sender to answer and no one to show; remembered so it is not read again.
            from = "unknown@invalid";
        }
        else if (from != sender?.Trim())
        {
            LogSenderCleaned(logger, messageId);
        }

        var threadIds = mail.References.Concat(mail.InReplyTo is { } inReplyTo ? [inReplyTo] : Array.Empty<string>())
            .Where(ChannelMessage.IsExternalId).Distinct().ToList();
        var automatic = AutoReply.IsAutomatic(name => mail.Headers[name], mail.Body?.ContentType.MimeType, from)
            || from == "unknown@invalid";

        var body = mail.TextBody is { Length: > 0 } plain ? plain
            : mail.HtmlBody is { Length: > 0 } html ? MailText.FromHtml(html) : "";
        body = MailQuotes.TrimQuoted(body);

        var photos = new List<InboundPhoto>();
        var refused = new List<string>();
        foreach (var part in mail.Attachments.OfType<MimePart>().Take(Math.Max(0, o.MaxAttachments) + 1))
        {
            if (photos.Count + refused.Count >= o.MaxAttachments)
            {
                refused.Add($"첨부파일은 한 번에 {o.MaxAttachments}개까지 받을 수 있습니다.");
                break;
            }

            using var buffer = new MemoryStream();
            if (part.Content is { } content)
            {
                await content.DecodeToAsync(buffer, cancellationToken);
            }

            var name = part.FileName is { Length: > 0 } n ? $"'{UnsafeCharacters.CleanName(n)}'" : "첨부파일";
            if (buffer.Length > o.MaxAttachmentBytes)
            {
                refused.Add($"{name}: {o.MaxAttachmentBytes / (1024 * 1024)}MB 이하만 받을 수 있습니다.");
            }
            else if (buffer.Length == 0 || ImageSniffer.Detect(buffer.GetBuffer().AsSpan(0, (int)Math.Min(buffer.Length, ImageSniffer.HeaderLength))) is null)
            {
                refused.Add($"{name}: 사진(JPEG, PNG, HEIC, WebP)만 받을 수 있습니다.");
            }
            else
            {
                photos.Add(new InboundPhoto(buffer.ToArray()));
            }
        }

        return await receive.HandleAsync(new InboundMessage(Conversations.Channels.Email, messageId, from, ContactKeys.AddressKey(Conversations.Channels.Email, from),
            ContactKeys.Email(from), o.Address, body, mail.Date, photos, automatic ? [] : refused.Distinct().ToList(),
            Subject: mail.Subject, ThreadIds: threadIds, NoReply: automatic), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A mail's sender address had control or bidi characters; they were removed and replies go to the cleaned address ({MessageId}).")]
    private static partial void LogSenderCleaned(ILogger logger, string messageId);

    /// <summary>A mail without a Message-ID still gets a stable id (from its headers and body), so reading it twice stores it once.</summary>
    private static string Synthetic(MimeMessage mail)
    {
        var basis = $"{mail.From}|{mail.Date:O}|{mail.Subject}|{mail.TextBody ?? mail.HtmlBody}";
        return "synthetic-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(basis)))[..40] + "@minwon.invalid";
    }
}
