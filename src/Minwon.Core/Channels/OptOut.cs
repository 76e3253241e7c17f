namespace Minwon.Core.Channels;

/// <summary>
/// A citizen's request to receive no more text messages. Korean senders must honour "수신거부" (the word the
/// 080 opt-out lines and carriers use); a few common variants and the English STOP are recognised too, but only as
/// the whole message, so "수신거부 했는데 또 와요" is a complaint to answer, not an opt-out.
/// </summary>
public static class OptOut
{
    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "수신거부", "수신 거부", "문자수신거부", "문자 수신거부", "수신거부요", "수신거부합니다", "stop", "unsubscribe",
    };

    public static bool IsOptOut(string text) =>
        Keywords.Contains(text.Trim().TrimEnd('.', '!', ' ').Trim());
}
