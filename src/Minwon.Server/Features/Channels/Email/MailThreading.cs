namespace Minwon.Server.Features.ChannelAdapters.Email;

/// <summary>The References header of a thread: Message-IDs oldest first, kept to the last 20 (RFC 5322 §3.6.4 allows trimming the middle).</summary>
public static class MailThreading
{
    public static string Append(string? references, string messageId)
    {
        var ids = (references ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (!ids.Contains(messageId, StringComparer.Ordinal))
        {
            ids.Add(messageId);
        }

        if (ids.Count > 20)
        {
            ids = [ids[0], .. ids.TakeLast(19)];
        }

        var joined = string.Join(' ', ids);
        while (joined.Length > 2000 && ids.Count > 2)
        {
            ids.RemoveAt(1);
            joined = string.Join(' ', ids);
        }

        return joined;
    }
}
