using System.Net;
using System.Net.Http.Json;
using Minwon.Server.Features.Routing;
using Minwon.Server.Tests.Testing;

namespace Minwon.Server.Tests.Features.Routing;

/// <summary>The queue administration API refuses settings that would break routing, and stores nothing then.</summary>
public sealed class QueueAdminTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(999_999, 10, "overflowQueueId")]
    [InlineData(null, -5, "maxWaiting")]
    public async Task A_queue_that_overflows_nowhere_or_holds_fewer_than_zero_is_refused(int? overflowQueueId, int maxWaiting, string field)
    {
        var app = await apps.GetAsync(Db.Sqlite);
        var admin = await app.StaffAsync("admin");
        var before = await app.CountAsync<ServiceQueue>();

        using var response = await admin.Http.PostAsJsonAsync("/api/queues", new QueueRequest("잘못된 대기열 " + Guid.NewGuid().ToString("N")[..6], null, 0, 20,
            overflowQueueId is null ? null : 30, overflowQueueId, maxWaiting), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(before, await app.CountAsync<ServiceQueue>());
    }

    [Fact]
    public async Task A_queue_overflowing_into_an_existing_queue_is_created()
    {
        var app = await apps.GetAsync(Db.Sqlite);
        var admin = await app.StaffAsync("admin");
        var existing = (await admin.QueuesAsync())[0];

        using var response = await admin.Http.PostAsJsonAsync("/api/queues", new QueueRequest("넘침 대기열 " + Guid.NewGuid().ToString("N")[..6], null, 0, 20,
            30, existing.Id, 0), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<ServiceQueue>(Ct))!;
        Assert.Equal(existing.Id, created.OverflowQueueId);
        Assert.Equal(0, created.MaxWaiting);
    }
}
