using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Minwon.Server.Platform;
using Minwon.Server.Platform.Observability;

namespace Minwon.Server.Features.Conversations;

/// <summary>
/// Bounds the message posts (REST and hub, citizens and counsellors) this node works on at once, so an overload is
/// answered quickly with 503 and <c>Retry-After</c> instead of every post queueing for a database connection and failing
/// with 500 after the pool's 15 s wait (docs/load.md). A post that gets a permit finishes; one that finds them all taken
/// waits in a short queue for at most <see cref="ChatOptions.PostQueueWaitMilliseconds"/>, then is refused. A
/// <see cref="ConcurrencyLimiter"/> of System.Threading.RateLimiting, one per node. The hub's invocations never pass the
/// ASP.NET Core rate-limiting middleware (only its connect does), so the limit is taken here, in the use case.
/// </summary>
public sealed class MessagePostLimiter : IDisposable
{
    /// <summary>What a refused client is told to wait before it sends again.</summary>
    public const int RetryAfterSeconds = 1;

    public const string Refusal = "지금 메시지가 많아 처리하지 못했습니다. 잠시 후 다시 보내 주세요.";

    private readonly ConcurrencyLimiter limiter;
    private readonly TimeSpan queueWait;

    public MessagePostLimiter(IOptions<ChatOptions> options, IConfiguration configuration)
    {
        var chat = options.Value;
        PermitLimit = chat.MaxPostsInFlight > 0 ? chat.MaxPostsInFlight : DefaultPermits(configuration.GetConnectionString("Postgres"));
        QueueLimit = chat.PostQueueLength >= 0 ? chat.PostQueueLength : PermitLimit;
        queueWait = TimeSpan.FromMilliseconds(Math.Max(0, chat.PostQueueWaitMilliseconds));
        limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = PermitLimit,
            QueueLimit = QueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    public int PermitLimit { get; }

    public int QueueLimit { get; }

    /// <summary>Posts waiting for a permit now.</summary>
    public long Queued => limiter.GetStatistics()?.CurrentQueuedCount ?? 0;

    /// <summary>
    /// Half the PostgreSQL pool (Npgsql's Maximum Pool Size, 100 unless the connection string says otherwise): a post
    /// holds one connection, and the consumers, routing, the desk's reads and sign-ins need the rest. SQLite has one writer
    /// and an unbounded pool: <see cref="SqlitePermits"/> posts at once keep its writer busy without queueing hundreds behind it.
    /// </summary>
    public static int DefaultPermits(string? postgres) => string.IsNullOrWhiteSpace(postgres)
        ? SqlitePermits
        : Math.Max(2, new Npgsql.NpgsqlConnectionStringBuilder(postgres).MaxPoolSize / 2);

    /// <summary>
    /// SQLite's default: measured 2026-12-07 (docs/benchmarks/load.md, 300 conversations at 1 msg/s on a starved machine),
    /// 16 stored 2.5× what 8 did with 0 lost and a lower p99, while 32 let in more than the single writer finished (p99 30 s,
    /// acknowledged messages pushed too late, client timeouts).
    /// </summary>
    public const int SqlitePermits = 16;

    /// <summary>A permit for one post (dispose it when the post is stored); throws a 503 problem when none comes in time.</summary>
    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        var lease = limiter.AttemptAcquire();
        if (!lease.IsAcquired && QueueLimit > 0 && queueWait > TimeSpan.Zero)
        {
            lease.Dispose();
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            wait.CancelAfter(queueWait);
            try
            {
                lease = await limiter.AcquireAsync(1, wait.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                lease = null;
            }
        }

        if (lease is { IsAcquired: true })
        {
            return lease;
        }

        lease?.Dispose();
        MinwonMetrics.OverloadRefused("message-post");
        throw new ProblemException(StatusCodes.Status503ServiceUnavailable, "지금은 처리할 수 없습니다.", Refusal)
        {
            RetryAfterSeconds = RetryAfterSeconds,
        };
    }

    public void Dispose() => limiter.Dispose();
}
