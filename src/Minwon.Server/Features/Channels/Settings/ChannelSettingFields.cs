namespace Minwon.Server.Features.ChannelAdapters.Settings;

public enum SettingKind
{
    Text,
    Url,
    Secret,
    Number,
    Switch,
    Choice,
}

/// <summary>One setting the screen shows and an administrator may change.</summary>
/// <param name="Key">Under Minwon:Channels, e.g. "Sms:OutboundUrl".</param>
public sealed record ChannelSettingField(string Channel, string Key, string Label, SettingKind Kind, string Help = "",
    IReadOnlyList<string>? Choices = null, int Min = 0, int Max = int.MaxValue);

/// <summary>
/// The settings of each adapter that the administrators' screen shows (docs/channels.md, "Channel settings"). Keys,
/// secrets, tokens and passwords are <see cref="SettingKind.Secret"/>: shown as set or not, never in clear.
/// </summary>
public static class ChannelSettingFields
{
    public static readonly IReadOnlyList<ChannelSettingField> All =
    [
        new(Conversations.Channels.Sms, "Sms:Provider", "문자 발송 업체", SettingKind.Choice,
            "generic: 범용 HTTP 게이트웨이(OutboundUrl), solapi: 솔라피(SOLAPI) 메시지 API", ["generic", "solapi"]),
        new(Conversations.Channels.Sms, "Sms:ApiKey", "수신 웹훅 키 (X-Api-Key)", SettingKind.Secret),
        new(Conversations.Channels.Sms, "Sms:OutboundUrl", "발송 URL (범용 게이트웨이)", SettingKind.Url),
        new(Conversations.Channels.Sms, "Sms:OutboundApiKey", "발송 키 (범용 게이트웨이)", SettingKind.Secret),
        new(Conversations.Channels.Sms, "Sms:From", "발신번호", SettingKind.Text, "사전 등록된 발신번호 (보이는 ARS 링크, 시험 발송)"),
        new(Conversations.Channels.Sms, "Sms:MaxPerSecond", "초당 최대 발송", SettingKind.Number, Min: 1, Max: 10_000),
        new(Conversations.Channels.Sms, "Sms:TimeoutSeconds", "응답 대기(초)", SettingKind.Number, Min: 1, Max: 120),
        new(Conversations.Channels.Sms, "Sms:Solapi:ApiKey", "솔라피 API Key", SettingKind.Secret),
        new(Conversations.Channels.Sms, "Sms:Solapi:ApiSecret", "솔라피 API Secret", SettingKind.Secret),
        new(Conversations.Channels.Sms, "Sms:Solapi:BaseUrl", "솔라피 API 주소", SettingKind.Url),
        new(Conversations.Channels.Email, "Email:Enabled", "사용", SettingKind.Switch),
        new(Conversations.Channels.Email, "Email:Address", "주소", SettingKind.Text),
        new(Conversations.Channels.Email, "Email:ImapHost", "IMAP 서버", SettingKind.Text),
        new(Conversations.Channels.Email, "Email:ImapPort", "IMAP 포트", SettingKind.Number, Min: 1, Max: 65535),
        new(Conversations.Channels.Email, "Email:ImapSecurity", "IMAP 보안", SettingKind.Choice, Choices: ["ssl", "starttls", "none"]),
        new(Conversations.Channels.Email, "Email:ImapUserName", "IMAP 사용자", SettingKind.Text),
        new(Conversations.Channels.Email, "Email:ImapPassword", "IMAP 비밀번호", SettingKind.Secret),
        new(Conversations.Channels.Email, "Email:SmtpHost", "SMTP 서버", SettingKind.Text),
        new(Conversations.Channels.Email, "Email:SmtpPort", "SMTP 포트", SettingKind.Number, Min: 1, Max: 65535),
        new(Conversations.Channels.Email, "Email:SmtpSecurity", "SMTP 보안", SettingKind.Choice, Choices: ["ssl", "starttls", "none"]),
        new(Conversations.Channels.Email, "Email:SmtpUserName", "SMTP 사용자", SettingKind.Text),
        new(Conversations.Channels.Email, "Email:SmtpPassword", "SMTP 비밀번호", SettingKind.Secret),
        new(Conversations.Channels.TalkTalk, "TalkTalk:WebhookToken", "웹훅 토큰", SettingKind.Secret),
        new(Conversations.Channels.TalkTalk, "TalkTalk:AuthorizationKey", "보내기 API 인증키", SettingKind.Secret),
        new(Conversations.Channels.TalkTalk, "TalkTalk:SendUrl", "보내기 API 주소", SettingKind.Url),
        new(Conversations.Channels.TalkTalk, "TalkTalk:PartnerId", "톡톡 계정", SettingKind.Text),
        new(Conversations.Channels.Kakao, "Kakao:WebhookSecret", "웹훅 서명 비밀값", SettingKind.Secret),
        new(Conversations.Channels.Kakao, "Kakao:SenderKey", "발신 프로필 키", SettingKind.Text),
        new(Conversations.Channels.Kakao, "Kakao:SendUrl", "딜러사 보내기 API 주소", SettingKind.Url),
        new(Conversations.Channels.Kakao, "Kakao:ApiKey", "딜러사 API 키", SettingKind.Secret),
        new(Conversations.Channels.X, "X:ConsumerSecret", "Consumer Secret", SettingKind.Secret),
        new(Conversations.Channels.X, "X:AccessToken", "Access Token (dm.write)", SettingKind.Secret),
        new(Conversations.Channels.X, "X:ApiBaseUrl", "API 주소", SettingKind.Url),
        new(Conversations.Channels.X, "X:AccountId", "우리 계정 ID", SettingKind.Text),
    ];

    /// <summary>The channels the screen has, in its order.</summary>
    public static readonly IReadOnlyList<string> Channels =
        [Conversations.Channels.Sms, Conversations.Channels.Email, Conversations.Channels.TalkTalk, Conversations.Channels.Kakao, Conversations.Channels.X];

    public static ChannelSettingField? Find(string key) => All.FirstOrDefault(f => string.Equals(f.Key, key, StringComparison.OrdinalIgnoreCase));
}
