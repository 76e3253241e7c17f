namespace Minwon.Server.Features.ChannelAdapters;

/// <summary>Settings under "Minwon:Channels"; see docs/channels.md.</summary>
public sealed class ChannelOptions
{
    public const string Section = "Minwon:Channels";

    /// <summary>Public address for links in replies (e.g. https://120.seoul.go.kr); empty: Minwon:Ars:PublicBaseUrl, else http://localhost:5000.</summary>
    public string PublicBaseUrl { get; set; } = "";

    /// <summary>How often the outbox sender looks for due replies when nothing woke it.</summary>
    public int PollMilliseconds { get; set; } = 1000;

    /// <summary>A reply still failing this long after it was written is given up (Failed, with a note on the desk).</summary>
    public int GiveUpAfterMinutes { get; set; } = 24 * 60;

    /// <summary>Longest wait between two tries of one reply.</summary>
    public int MaxBackoffSeconds { get; set; } = 300;

    public SmsChannelOptions Sms { get; set; } = new();

    public EmailChannelOptions Email { get; set; } = new();

    public Messengers.TalkTalkChannelOptions TalkTalk { get; set; } = new();

    public Messengers.KakaoChannelOptions Kakao { get; set; } = new();

    public Messengers.XChannelOptions X { get; set; } = new();
}

/// <summary>The e-mail channel: a mailbox read over IMAP (IDLE, polling as fallback) and replies through SMTP.</summary>
public sealed class EmailChannelOptions
{
    /// <summary>Off by default: without a mailbox there is nothing to read.</summary>
    public bool Enabled { get; set; }

    /// <summary>Our address: replies come from it, and the Message-IDs we make use its domain.</summary>
    public string Address { get; set; } = "";

    public string DisplayName { get; set; } = "서울시 120";

    public string ImapHost { get; set; } = "";
    public int ImapPort { get; set; } = 993;

    /// <summary>ssl (implicit TLS), starttls, or none (loopback and tests only).</summary>
    public string ImapSecurity { get; set; } = "ssl";

    public string ImapUserName { get; set; } = "";
    public string ImapPassword { get; set; } = "";
    public string Folder { get; set; } = "INBOX";

    public string SmtpHost { get; set; } = "";
    public int SmtpPort { get; set; } = 587;

    /// <summary>ssl, starttls, or none.</summary>
    public string SmtpSecurity { get; set; } = "starttls";

    /// <summary>Empty: send without authenticating (a relay that trusts this host).</summary>
    public string SmtpUserName { get; set; } = "";
    public string SmtpPassword { get; set; } = "";

    /// <summary>How often the mailbox is read when the server has no IDLE (and how long one IDLE lasts at most, in minutes x 60).</summary>
    public int PollSeconds { get; set; } = 60;

    public long MaxAttachmentBytes { get; set; } = 10 * 1024 * 1024;

    public int MaxAttachments { get; set; } = 5;
}

/// <summary>The generic SMS/MMS HTTP gateway (docs/channels.md, "SMS contract").</summary>
public sealed class SmsChannelOptions
{
    /// <summary>The gateway presents it as X-Api-Key on inbound messages and delivery receipts. Empty: both refuse every call.</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>Where replies are POSTed. Empty: replies wait in the outbox (retried) until it is set.</summary>
    public string OutboundUrl { get; set; } = "";

    /// <summary>Sent as X-Api-Key with every outbound POST.</summary>
    public string OutboundApiKey { get; set; } = "";

    /// <summary>Sender number for messages that do not answer one (the visual ARS link); replies come from the number the citizen wrote to.</summary>
    public string From { get; set; } = "";

    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>The provider's rate limit: messages per second sent at most.</summary>
    public int MaxPerSecond { get; set; } = 50;

    public long MaxMediaBytes { get; set; } = 1024 * 1024;

    public int MaxMediaCount { get; set; } = 3;

    /// <summary>Who sends replies: "generic" (POST to OutboundUrl, the contract above) or "solapi" (SOLAPI's message API, <see cref="Solapi"/>).
    /// Inbound messages and receipts always come through the generic webhooks.</summary>
    public string Provider { get; set; } = "generic";

    public Sms.SolapiOptions Solapi { get; set; } = new();
}
