namespace Minwon.Server.Features.Conversations;

public static class Channels
{
    public const string WebChat = "chat";
    public const string Phone = "phone";
    public const string WebCall = "webcall";

    public static bool IsVoice(string channel) => channel is Phone or WebCall;
    public const string Sms = "sms";
    public const string Email = "email";
    public const string TalkTalk = "talktalk";
    public const string Kakao = "kakao";
    public const string X = "x";
}
