using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Minwon.Server.Data;
using Minwon.Server.Features.Quality;
using Minwon.Server.Platform.Events;
using Minwon.Server.Tests.Testing;

namespace Minwon.Server.Tests.Quality;

/// <summary>
/// One app per storage for a quality test class, with the quality consumer not registered: tests run it themselves
/// (<see cref="QualityTestExtensions.ScoreAsync"/>) through the backbone's <see cref="EventConsumerRun"/>, so nothing
/// waits on the host's loop.
/// </summary>
public sealed class QualityApps : IAsyncDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Dictionary<Db, MinwonApp> apps = [];

    public async Task<MinwonApp> GetAsync(Db db)
    {
        if (db == Db.Postgres)
        {
            TestPostgres.SkipUnlessAvailable();
        }

        await gate.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (!apps.TryGetValue(db, out var app))
            {
                app = await MinwonApp.StartAsync(db, new Dictionary<string, string?> { ["Minwon:Quality:Enabled"] = "false" });
                apps[db] = app;
            }

            return app;
        }
        finally
        {
            gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in apps.Values)
        {
            await app.DisposeAsync();
        }

        gate.Dispose();
    }
}

public static class QualityTestExtensions
{
    /// <summary>
    /// Runs the quality consumer over the event log to its end with its durable cursor, as the consumer host does,
    /// and returns how many consultations it scored.
    /// </summary>
    public static async Task<int> ScoreAsync(this MinwonApp app)
    {
        var ct = TestContext.Current.CancellationToken;
        var consumer = new QualityConsumer();
        var run = new EventConsumerRun(consumer.Name, app.Services.GetRequiredService<IDbContextFactory<MinwonDbContext>>(),
            app.Services.GetRequiredService<IServiceScopeFactory>(), app.Services.GetRequiredService<TimeProvider>(),
            app.Services.GetRequiredService<ILogger<QualityConsumer>>());
        var before = (await app.RowsAsync<QualityScore>()).Count;
        while (await consumer.RunBatchAsync(run, ct) > 0)
        {
        }

        return (await app.RowsAsync<QualityScore>()).Count - before;
    }

    /// <summary>A served chat with the given lines ("c: ..." counsellor, "p: ..." citizen), then closed with a case.</summary>
    public static async Task<Guid> ConsultAsync(this MinwonApp app, StaffMember counsellor, params string[] lines)
    {
        using var citizen = app.CitizenClient();
        var chat = await app.ServedChatAsync(counsellor, citizen);
        foreach (var line in lines)
        {
            if (line.StartsWith("c:", StringComparison.Ordinal))
            {
                await counsellor.ReplyAsync(chat.ConversationId, line[2..].Trim());
            }
            else
            {
                await citizen.SayAsync(chat.Token, line[2..].Trim());
            }
        }

        await counsellor.CloseAsync(chat.ConversationId, null, null, "안내 완료");
        return chat.ConversationId;
    }

    public static readonly string[] Clean =
    [
        "c: 안녕하세요, 서울시 120다산콜센터 상담사 김하늘입니다. 무엇을 도와드릴까요?",
        "p: 여권을 잃어버렸는데 재발급은 어디서 받아요? 제 번호는 010-1234-5678이에요.",
        "c: 여권 재발급 문의 주셨네요. 어느 구에 사세요?",
        "p: 마포구요.",
        "c: 마포구청 민원여권과에서 신분증과 사진 1매를 가지고 신청하시면 됩니다. 보통 4일 걸립니다.",
        "c: 더 궁금하신 점 있으신가요?",
        "p: 아니요, 없어요.",
        "c: 감사합니다. 좋은 하루 되세요.",
    ];
}
