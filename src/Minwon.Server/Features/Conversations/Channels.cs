namespace Minwon.Server.Features.Conversations;

public static class Channels
{
    public const string WebChat = "chat";
    public const string Phone = "phone";
    public const string WebCall = "webcall";

    public static bool IsVoice(string channel) => channel is Phone or WebCall;

    /// <summary>Sign-language video (수어 상담), browser to browser (docs/video.md).</summary>
    public const string Video = "video";

    /// <summary>Channels that take a counsellor's one call slot: voice, and video, which counts as a call for capacity.</summary>
    public static bool IsCall(string channel) => IsVoice(channel) || channel == Video;
    public const string Sms = "sms";
    public const string Email = "email";
}
