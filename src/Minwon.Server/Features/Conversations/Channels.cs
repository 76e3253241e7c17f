namespace Minwon.Server.Features.Conversations;

public static class Channels
{
    public const string WebChat = "chat";
    public const string Phone = "phone";
    public const string Sms = "sms";
}
