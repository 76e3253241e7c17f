namespace Minwon.Server.Features.ChannelAdapters.Contacts;

/// <summary>How the desk's history marks each channel: a short icon (decoration, hidden from screen readers) and its name.</summary>
public static class ChannelBadges
{
    public static string Label(string channel) => channel switch
    {
        Conversations.Channels.WebChat => "채팅",
        Conversations.Channels.Phone => "전화",
        Conversations.Channels.WebCall => "웹 전화",
        Conversations.Channels.Sms => "문자",
        Conversations.Channels.Email => "이메일",
        Conversations.Channels.TalkTalk => "네이버 톡톡",
        Conversations.Channels.Kakao => "카카오톡",
        Conversations.Channels.X => "X",
        Conversations.Channels.Video => "수어 영상",
        _ => channel,
    };

    public static string Icon(string channel) => channel switch
    {
        Conversations.Channels.WebChat => "💬",
        Conversations.Channels.Phone or Conversations.Channels.WebCall => "📞",
        Conversations.Channels.Sms => "📱",
        Conversations.Channels.Email => "✉",
        Conversations.Channels.TalkTalk => "N",
        Conversations.Channels.Kakao => "K",
        Conversations.Channels.X => "𝕏",
        Conversations.Channels.Video => "🤟",
        _ => "•",
    };

    /// <summary>What kind of identifier a contact is keyed by (the key's scheme, see <see cref="ContactKeys"/>); never the identifier itself.</summary>
    public static string KeyKind(string externalKey) => externalKey[..Math.Max(0, externalKey.IndexOf(':', StringComparison.Ordinal))] switch
    {
        "tel" => "전화번호",
        "mailto" => "이메일 주소",
        "naver" => "네이버 톡톡 사용자",
        "kakao" => "카카오톡 사용자",
        "x" => "X 사용자",
        _ => "웹 채팅",
    };
}
