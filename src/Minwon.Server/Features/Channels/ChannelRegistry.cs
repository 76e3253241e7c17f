namespace Minwon.Server.Features.ChannelAdapters;

/// <summary>The registered adapters by channel name.</summary>
public sealed class ChannelRegistry(IEnumerable<IChannelAdapter> adapters)
{
    private readonly Dictionary<string, IChannelAdapter> byChannel = adapters.ToDictionary(a => a.Channel);

    public IChannelAdapter? Find(string channel) => byChannel.GetValueOrDefault(channel);

    public IEnumerable<string> Channels => byChannel.Keys;

    /// <summary>Why a counsellor's reply cannot go out on the conversation's channel, or null (also for web chat).</summary>
    public string? CheckReply(string channel, string text) => Find(channel)?.CheckReply(text);
}

/// <summary>Wakes this node's outbox sender as soon as a reply is queued.</summary>
public sealed class ChannelOutboxSignal
{
    private readonly SemaphoreSlim gate = new(0, 1);

    public void Pulse()
    {
        try
        {
            gate.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled; one wake-up is enough.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => gate.WaitAsync(timeout, cancellationToken);
}
