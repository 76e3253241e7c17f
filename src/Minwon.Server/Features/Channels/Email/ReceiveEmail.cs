using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using MimeKit;
using Minwon.Core.Channels;
using Minwon.Core.VisualArs;

namespace Minwon.Server.Features.ChannelAdapters.Email;

/// <summary>
/// One mail from the mailbox as a channel message: threaded by Message-ID, In-Reply-To and References; the text body
/// (or the HTML body reduced to text) without the quoted history; photos checked like uploads (type from their bytes,
/// size) and anything else refused with a line for the citizen; auto-replies and bounces marked so nobody answers them.
/// A mail cannot be refused like a webhook, so control characters (NUL and the other C0 controls but tab, CR and LF) are
/// taken out of its subject, body and sender before anything is stored (PostgreSQL cannot store a NUL), the mail is kept
/// and the removal logged; a Message-ID or a thread id with a control character is not used as an id.
/// </summary>
public sealed partial class ReceiveEmail(ReceiveChannelMessage receive, IOptions<ChannelOptions> options, ILogger<ReceiveEmail> logger)
{
    public async Task<InboundResult> HandleAsync(MimeMessage mail, CancellationToken cancellationToken)
    {
        var o = options.Value.Email;
        var removed = 0;
        var from = Strip(mail.From.Mailboxes.FirstOrDefault()?.Address, ref removed)?.Trim();
        var subject = Strip(mail.Subject, ref removed);
        var messageId = mail.MessageId is { Length: > 0 and <= ChannelMessage.MaxExternalId } id && !id.Any(char.IsControl) ? id : Synthetic(mail);
        if (from is not { Length: > 3 and <= 320 } || !from.Contains('@', StringComparison.Ordinal))
        {
            // No sender to answer and no one to show; remembered so it is not read again.
            from = "unknown@invalid";
        }

        var threadIds = mail.References.Concat(mail.InReplyTo is { } inReplyTo ? [inReplyTo] : Array.Empty<string>())
            .Where(r => r.Length <= ChannelMessage.MaxExternalId && !r.Any(char.IsControl)).Distinct().ToList();
        var automatic = AutoReply.IsAutomatic(name => mail.Headers[name], mail.Body?.ContentType.MimeType, from)
            || from == "unknown@invalid";

        var body = mail.TextBody is { Length: > 0 } plain ? plain
            : mail.HtmlBody is { Length: > 0 } html ? MailText.FromHtml(html) : "";
        body = MailQuotes.TrimQuoted(Strip(body, ref removed)!);
        if (removed > 0)
        {
            LogControlCharactersRemoved(logger, removed, messageId);
        }

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

            var name = part.FileName is { Length: > 0 } n ? $"'{Minwon.Core.TextSafety.UnsafeCharacters.CleanName(n)}'" : "첨부파일";
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
            Subject: subject, ThreadIds: threadIds, NoReply: automatic), cancellationToken);
    }

    /// <summary>The text without NUL and the other C0 controls except tab, CR and LF; <paramref name="removed"/> counts them.</summary>
    private static string? Strip(string? text, ref int removed)
    {
        if (text is null || !text.Any(IsStripped))
        {
            return text;
        }

        var kept = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (IsStripped(c))
            {
                removed++;
            }
            else
            {
                kept.Append(c);
            }
        }

        return kept.ToString();
    }

    private static bool IsStripped(char c) => c < ' ' && c is not ('\t' or '\r' or '\n');

    [LoggerMessage(Level = LogLevel.Warning, Message = "A mail had {Count} control characters (NUL or other C0) in its subject, body or sender; they were removed and the mail kept ({MessageId}).")]
    private static partial void LogControlCharactersRemoved(ILogger logger, int count, string messageId);

    /// <summary>A mail without a Message-ID still gets a stable id (from its headers and body), so reading it twice stores it once.</summary>
    private static string Synthetic(MimeMessage mail)
    {
        var basis = $"{mail.From}|{mail.Date:O}|{mail.Subject}|{mail.TextBody ?? mail.HtmlBody}";
        return "synthetic-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(basis)))[..40] + "@minwon.invalid";
    }
}
