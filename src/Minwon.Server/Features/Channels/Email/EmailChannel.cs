using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Minwon.Server.Features.ChannelAdapters.Email;

/// <summary>
/// Replies by SMTP (MailKit) from our address, threaded: "Re: subject", In-Reply-To the citizen's last mail, and the
/// References chain, so the citizen's mail program shows one thread and their answer finds this conversation again.
/// A 4xx answer or a lost connection is tried again; a 5xx is a refusal.
/// </summary>
public sealed class EmailChannel(IOptions<ChannelOptions> options) : IChannelAdapter
{
    public const int MaxReplyCharacters = 20_000;

    public string Channel => Conversations.Channels.Email;

    public string? CheckReply(string text) => text.Length > MaxReplyCharacters
        ? $"전자우편 답변은 {MaxReplyCharacters:N0}자까지 보낼 수 있습니다 (지금 {text.Length:N0}자)."
        : null;

    public string Fit(string text, string moreUrl) => text;

    public string KindOf(string text) => "email";

    public string NewExternalId(Guid conversationId, int seq) =>
        $"mw-{conversationId:N}-{seq}@{Domain(options.Value.Email.Address)}";

    public async Task<string?> SendAsync(OutboundDelivery delivery, CancellationToken cancellationToken)
    {
        var o = options.Value.Email;
        if (string.IsNullOrWhiteSpace(o.SmtpHost) || string.IsNullOrWhiteSpace(o.Address))
        {
            throw new ChannelSendException("Minwon:Channels:Email:SmtpHost or Address is not set", transient: true);
        }

        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(o.DisplayName, o.Address));
        message.To.Add(MailboxAddress.Parse(delivery.To));
        var subject = delivery.Subject is { Length: > 0 } s ? s : "서울시 120 상담";
        message.Subject = subject.StartsWith("Re:", StringComparison.OrdinalIgnoreCase) ? subject : "Re: " + subject;
        message.MessageId = delivery.ExternalId;
        if (delivery.InReplyTo is { Length: > 0 } inReplyTo)
        {
            message.InReplyTo = inReplyTo;
        }

        foreach (var reference in (delivery.References ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            message.References.Add(reference);
        }

        message.Body = new TextPart("plain") { Text = delivery.Text };

        using var smtp = new SmtpClient { Timeout = 30_000 };
        try
        {
            await smtp.ConnectAsync(o.SmtpHost, o.SmtpPort, Security(o.SmtpSecurity), cancellationToken);
            if (o.SmtpUserName.Length > 0)
            {
                await smtp.AuthenticateAsync(o.SmtpUserName, o.SmtpPassword, cancellationToken);
            }

            await smtp.SendAsync(message, cancellationToken);
            await smtp.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (SmtpCommandException e)
        {
            throw new ChannelSendException($"the mail server answered {(int)e.StatusCode}", transient: (int)e.StatusCode < 500, e);
        }
        catch (Exception e) when (e is SocketException or IOException or SmtpProtocolException or ServiceNotConnectedException or TimeoutException
            or AuthenticationException)
        {
            throw new ChannelSendException("the mail server could not be reached", transient: true, e);
        }

        return null;
    }

    public static SecureSocketOptions Security(string value) => value.ToLowerInvariant() switch
    {
        "none" => SecureSocketOptions.None,
        "starttls" => SecureSocketOptions.StartTls,
        _ => SecureSocketOptions.SslOnConnect,
    };

    private static string Domain(string address) => address.Split('@') is [_, { Length: > 0 } domain] ? domain : "minwon.invalid";
}
