using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Minwon.Server.Data;

namespace Minwon.Server.Features.ChannelAdapters;

/// <summary>
/// /health/ready, one check per adapter ("channel-sms", "channel-talktalk", …): Healthy when it is not configured (said
/// so) or its replies go out; Degraded when a reply has waited longer than <see cref="StuckAfter"/> (the provider is down
/// or refusing: the node still serves, so it is not Unhealthy).
/// </summary>
public sealed class ChannelAdapterHealthCheck(string channel, IServiceScopeFactory scopes) : IHealthCheck
{
    public static readonly TimeSpan StuckAfter = TimeSpan.FromMinutes(10);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<MinwonDbContext>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        if (!IsConfigured(channel, services.GetRequiredService<IOptions<ChannelOptions>>().Value))
        {
            return HealthCheckResult.Healthy($"Channel {channel} is not configured.");
        }

        var since = now - StuckAfter;
        // One aggregate (times are comparable in SQL on both providers: SQLite stores them as UTC ticks).
        var counts = await db.Set<ChannelOutboxItem>().AsNoTracking().Where(o => o.Channel == channel && o.Status == DeliveryStatus.Pending)
            .GroupBy(o => o.Channel)
            .Select(g => new { Pending = g.Count(), Stuck = g.Count(o => o.CreatedAt < since) })
            .FirstOrDefaultAsync(cancellationToken);
        var (pending, stuck) = (counts?.Pending ?? 0, counts?.Stuck ?? 0);
        return stuck == 0 ? HealthCheckResult.Healthy($"Channel {channel}: {pending} replies pending, none older than {StuckAfter.TotalMinutes:F0} minutes.")
            : HealthCheckResult.Degraded($"Channel {channel}: {stuck} replies have waited more than {StuckAfter.TotalMinutes:F0} minutes (is the provider down?).");
    }

    /// <summary>Whether the channel is set up at all (the settings screen shows it as on).</summary>
    public static bool IsConfigured(string channel, ChannelOptions o) => channel switch
    {
        Conversations.Channels.Sms => o.Sms.ApiKey.Length > 0 || o.Sms.OutboundUrl.Length > 0 || o.Sms.Solapi.ApiKey.Length > 0,
        Conversations.Channels.Email => o.Email.Enabled,
        Conversations.Channels.TalkTalk => o.TalkTalk.WebhookToken.Length > 0,
        Conversations.Channels.Kakao => o.Kakao.WebhookSecret.Length > 0,
        Conversations.Channels.X => o.X.ConsumerSecret.Length > 0,
        _ => false,
    };
}

/// <summary>"channel-inbox": Degraded when an accepted webhook has waited longer than <see cref="ChannelAdapterHealthCheck.StuckAfter"/> for the inbound consumer.</summary>
public sealed class ChannelInboxHealthCheck(IServiceScopeFactory scopes) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var stuckAfter = ChannelAdapterHealthCheck.StuckAfter;
        var before = (services.GetRequiredService<TimeProvider>().GetUtcNow() - stuckAfter).ToUnixTimeMilliseconds();
        var waiting = await services.GetRequiredService<MinwonDbContext>().Set<ChannelInboxItem>()
            .CountAsync(i => i.ProcessedAtMs == null && i.AcceptedAtMs < before, cancellationToken);
        return waiting == 0 ? HealthCheckResult.Healthy("The channel inbox is worked off.")
            : HealthCheckResult.Degraded($"{waiting} accepted webhooks have waited more than {stuckAfter.TotalMinutes:F0} minutes for the inbound consumer.");
    }
}
