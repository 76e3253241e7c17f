using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Minwon.Server.Features.Conversations;

/// <summary>A token bucket per hub connection, so one citizen flooding messages cannot swamp a counsellor.</summary>
public sealed class CitizenThrottle(IOptions<ChatOptions> options, TimeProvider clock)
{
    private const string Key = "minwon.throttle";

    public bool TryTake(HubCallerContext context)
    {
        var o = options.Value;
        var now = clock.GetTimestamp();
        var bucket = context.Items.TryGetValue(Key, out var existing) && existing is Bucket b ? b : new Bucket(o.CitizenBurst, now);
        lock (bucket)
        {
            var elapsed = clock.GetElapsedTime(bucket.LastRefill, now).TotalMinutes;
            bucket.Tokens = Math.Min(o.CitizenBurst, bucket.Tokens + elapsed * o.CitizenMessagesPerMinute);
            bucket.LastRefill = now;
            context.Items[Key] = bucket;
            if (bucket.Tokens < 1)
            {
                return false;
            }

            bucket.Tokens -= 1;
            return true;
        }
    }

    private sealed class Bucket(double tokens, long lastRefill)
    {
        public double Tokens { get; set; } = tokens;
        public long LastRefill { get; set; } = lastRefill;
    }
}
