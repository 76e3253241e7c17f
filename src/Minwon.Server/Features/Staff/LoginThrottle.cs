using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Options;

namespace Minwon.Server.Features.Staff;

/// <summary>
/// Backoff per client address and account name: after <see cref="SignInOptions.FreeFailures"/> wrong passwords from one
/// address for one name, that address waits before it may try that name again, twice as long after every further
/// failure. Keyed on the name as typed, whether or not an account has it, so the wait says nothing about which names
/// exist; and keyed on the address, so an attacker delays only themselves, never the counsellor at their own desk.
/// In this node's memory: a restart forgets it, and each node of several keeps its own.
/// </summary>
public sealed class LoginThrottle(IOptions<SignInOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Failures> failures = new(StringComparer.Ordinal);

    /// <summary>How long this address must still wait before trying this name; zero when it may try now.</summary>
    public TimeSpan WaitFor(IPAddress? address, string userName)
    {
        if (!failures.TryGetValue(Key(address, userName), out var f))
        {
            return TimeSpan.Zero;
        }

        lock (f)
        {
            var left = f.BlockedUntil - clock.GetUtcNow();
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }

    public void Failed(IPAddress? address, string userName)
    {
        var o = options.Value;
        var now = clock.GetUtcNow();
        Sweep(now);
        var f = failures.GetOrAdd(Key(address, userName), _ => new Failures());
        lock (f)
        {
            f.Count++;
            f.Last = now;
            var over = f.Count - o.FreeFailures;
            if (over >= 0)
            {
                var seconds = Math.Min(o.BackoffSeconds * Math.Pow(2, Math.Min(over, 20)), o.MaxBackoffMinutes * 60.0);
                f.BlockedUntil = now.AddSeconds(seconds);
            }
        }
    }

    public void Succeeded(IPAddress? address, string userName) => failures.TryRemove(Key(address, userName), out _);

    /// <summary>An administrator's unlock lifts every address's wait for that name.</summary>
    public void Forget(string userName)
    {
        var suffix = "|" + userName.Trim().ToUpperInvariant();
        foreach (var key in failures.Keys.Where(k => k.EndsWith(suffix, StringComparison.Ordinal)))
        {
            failures.TryRemove(key, out _);
        }
    }

    private static string Key(IPAddress? address, string userName) => $"{address?.ToString() ?? "-"}|{userName.Trim().ToUpperInvariant()}";

    private void Sweep(DateTimeOffset now)
    {
        if (failures.Count < 10_000)
        {
            return;
        }

        var horizon = now.AddMinutes(-Math.Max(options.Value.MaxBackoffMinutes, 15));
        foreach (var (key, f) in failures)
        {
            if (f.Last < horizon && f.BlockedUntil < now)
            {
                failures.TryRemove(key, out _);
            }
        }
    }

    private sealed class Failures
    {
        public int Count { get; set; }
        public DateTimeOffset Last { get; set; }
        public DateTimeOffset BlockedUntil { get; set; }
    }
}
