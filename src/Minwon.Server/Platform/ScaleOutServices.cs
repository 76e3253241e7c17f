using Minwon.Server.Platform.Events;
using Minwon.Server.Platform.Leases;
using StackExchange.Redis;

namespace Minwon.Server.Platform;

/// <summary>
/// Several nodes: with ConnectionStrings:Postgres, singleton work is leased through PostgreSQL advisory locks; with
/// ConnectionStrings:Redis, SignalR uses the Redis backplane, and live pushes and new-event wake-ups cross nodes over
/// Redis pub/sub. Without
/// them Minwon is one node (SQLite, in-process pushes). docs/deployment.md.
/// </summary>
public static class ScaleOutServices
{
    public static WebApplicationBuilder AddScaleOut(this WebApplicationBuilder builder)
    {
        var postgres = builder.Configuration.GetConnectionString("Postgres");
        if (!string.IsNullOrWhiteSpace(postgres))
        {
            builder.Services.AddSingleton<ILeases>(sp => new PostgresLeases(postgres, sp.GetRequiredService<ILogger<PostgresLeases>>()));
        }

        var redis = builder.Configuration.GetConnectionString("Redis");
        if (!string.IsNullOrWhiteSpace(redis))
        {
            var options = ConfigurationOptions.Parse(redis);
            options.AbortOnConnectFail = false;
            options.ChannelPrefix = RedisChannel.Literal("minwon:");
            builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));
            builder.Services.AddHostedService<RedisLiveBus>();
            builder.Services.AddHostedService<RedisEventSignal>();
            builder.Services.AddSignalR().AddStackExchangeRedis(redis, o =>
            {
                o.Configuration.AbortOnConnectFail = false;
                o.Configuration.ChannelPrefix = RedisChannel.Literal("minwon-signalr:");
            });
        }

        return builder;
    }
}
