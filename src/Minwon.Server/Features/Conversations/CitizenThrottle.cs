using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Options;

namespace Minwon.Server.Features.Conversations;

/// <summary>
/// The citizen flood limit, shared by the hub and the REST API: a token bucket per conversation (its token) and one per
/// client address, so neither a new connection nor a new conversation starts a fresh allowance. A message needs a token
/// from both. Requests without an address (none behind a Unix socket or in tests) have only the conversation's bucket.
/// Buckets live in this node's memory: with several nodes each keeps its own (see docs/security.md).
/// </summary>
public sealed class CitizenThrottle(IOptions<ChatOptions> options, TimeProvider clock)
{
    public const string Refusal = "메시지를 너무 빠르게 보내고 있습니다. 잠시 후 다시 보내 주세요.";

    private const int SweepAbove = 20_000;
    private readonly ConcurrentDictionary<string, Bucket> buckets = new(StringComparer.Ordinal);
    private long lastSweep;

    /// <param name="clientMessageId">A retry of a message this conversation already paid for passes free: the store
    /// answers it with the stored copy, so retries after a reconnect are never refused.</param>
    public bool TryTake(string conversationToken, IPAddress? address, string? clientMessageId = null)
    {
        var o = options.Value;
        var now = clock.GetTimestamp();
        Sweep(now);
        clientMessageId = clientMessageId is { Length: > 0 and <= 64 } ? clientMessageId : null;
        var conversation = buckets.GetOrAdd("c:" + conversationToken, _ => new Bucket(o.CitizenBurst, now));
        if (conversation.IsPaid(clientMessageId))
        {
            return true;
        }

        if (!conversation.TryTake(now, o.CitizenBurst, o.CitizenMessagesPerMinute, clock, clientMessageId))
        {
            return false;
        }

        if (address is null)
        {
            return true;
        }

        var client = buckets.GetOrAdd("a:" + address, _ => new Bucket(o.CitizenAddressBurst, now));
        if (client.TryTake(now, o.CitizenAddressBurst, o.CitizenAddressMessagesPerMinute, clock))
        {
            return true;
        }

        conversation.Refund(clientMessageId);
        return false;
    }

    /// <summary>Forgets buckets idle long enough to be full again, so random tokens cannot grow the table for ever.</summary>
    private void Sweep(long now)
    {
        var last = Interlocked.Read(ref lastSweep);
        if (buckets.Count < SweepAbove || clock.GetElapsedTime(last, now) < TimeSpan.FromMinutes(1)
            || Interlocked.CompareExchange(ref lastSweep, now, last) != last)
        {
            return;
        }

        var idle = TimeSpan.FromMinutes(Math.Max(1.0, (double)options.Value.CitizenAddressBurst / Math.Max(1, options.Value.CitizenAddressMessagesPerMinute)));
        foreach (var (key, bucket) in buckets)
        {
            if (clock.GetElapsedTime(bucket.LastRefill, now) > idle)
            {
                buckets.TryRemove(key, out _);
            }
        }
    }

    private sealed class Bucket(double tokens, long lastRefill)
    {
        private const int RememberedIds = 64;
        private readonly Queue<string> paidOrder = new();
        private readonly HashSet<string> paid = new(StringComparer.Ordinal);
        private double tokens = tokens;

        public long LastRefill { get; private set; } = lastRefill;

        public bool IsPaid(string? clientMessageId)
        {
            lock (this)
            {
                return clientMessageId is not null && paid.Contains(clientMessageId);
            }
        }

        public bool TryTake(long now, int burst, int perMinute, TimeProvider clock, string? clientMessageId = null)
        {
            lock (this)
            {
                if (clientMessageId is not null && paid.Contains(clientMessageId))
                {
                    return true;
                }

                tokens = Math.Min(burst, tokens + clock.GetElapsedTime(LastRefill, now).TotalMinutes * perMinute);
                LastRefill = now;
                if (tokens < 1)
                {
                    return false;
                }

                tokens -= 1;
                if (clientMessageId is not null)
                {
                    paid.Add(clientMessageId);
                    paidOrder.Enqueue(clientMessageId);
                    if (paidOrder.Count > RememberedIds)
                    {
                        paid.Remove(paidOrder.Dequeue());
                    }
                }

                return true;
            }
        }

        public void Refund(string? clientMessageId)
        {
            lock (this)
            {
                tokens += 1;
                if (clientMessageId is not null)
                {
                    paid.Remove(clientMessageId);
                }
            }
        }
    }
}
