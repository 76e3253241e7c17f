using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Minwon.Server.Features.VisualArs;

/// <summary>
/// Limits status lookups per client address (fixed 15-minute windows), so receipt numbers and four digits
/// cannot be guessed in bulk. Per node: with N nodes a guesser gets at most N times the budget.
/// </summary>
public sealed class ArsLookupThrottle(IOptions<ArsOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    private readonly ConcurrentDictionary<string, (DateTimeOffset Start, int Count)> windows = new();

    public bool TryTake(string client)
    {
        var now = clock.GetUtcNow();
        if (windows.Count > 10_000)
        {
            foreach (var stale in windows.Where(w => now - w.Value.Start > Window).Select(w => w.Key).ToList())
            {
                windows.TryRemove(stale, out _);
            }
        }

        var entry = windows.AddOrUpdate(client, _ => (now, 1),
            (_, w) => now - w.Start > Window ? (now, 1) : (w.Start, w.Count + 1));
        return entry.Count <= options.Value.LookupsPerWindow;
    }
}
