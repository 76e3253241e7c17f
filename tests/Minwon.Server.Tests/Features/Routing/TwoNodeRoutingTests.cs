using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minwon.Core.Conversations;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Features.Routing;
using Minwon.Server.Tests.Testing;

namespace Minwon.Server.Tests.Features.Routing;

/// <summary>
/// Two server nodes on one PostgreSQL database routing the same waiting contacts at once: no contact may ever be
/// offered to two counsellors and no counsellor may ever hold more than their capacity.
/// </summary>
public sealed class TwoNodeRoutingTests
{
    private static readonly int[] Capacities = [3, 2, 3, 1, 2];
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Concurrent_routing_passes_on_two_nodes_never_double_offer_a_contact_or_overfill_a_counsellor()
    {
        var database = await TestPostgres.CreateDatabaseAsync(Ct);
        try
        {
            await using var nodeA = await MinwonApp.StartAsync(Db.Postgres, postgres: database);
            await using var nodeB = await MinwonApp.StartAsync(Db.Postgres, postgres: database);
            var counsellors = new List<StaffMember>();
            foreach (var capacity in Capacities)
            {
                var counsellor = await nodeA.CounsellorAsync(maxConcurrent: capacity);
                await counsellor.GoAvailableAsync();
                counsellors.Add(counsellor);
            }

            var chats = new List<StartChatResponse>();
            for (var i = 0; i < 40; i++)
            {
                chats.Add(await (i % 2 == 0 ? nodeA : nodeB).StartChatAsync());
            }

            var offers = new List<(Guid ConversationId, string AgentId)>();
            var violations = new List<string>();
            offers.AddRange(await RaceAsync(nodeA, nodeB, violations));
            AssertConsistent(offers, violations, await LoadAsync(nodeA));
            Assert.Equal(Capacities.Sum(), offers.Count);

            // Counsellors take and finish some contacts, which frees capacity for the next race.
            foreach (var counsellor in counsellors)
            {
                var mine = offers.Where(o => o.AgentId == counsellor.Id).Select(o => o.ConversationId).ToList();
                foreach (var id in mine)
                {
                    await counsellor.AcceptAsync(id);
                }

                await counsellor.CloseAsync(mine[0], null, null, "처리 완료");
            }

            offers.AddRange(await RaceAsync(nodeA, nodeB, violations));
            AssertConsistent(offers, violations, await LoadAsync(nodeA));
            Assert.Equal(Capacities.Sum() + Capacities.Length, offers.Count);
            var queued = await nodeB.RowsAsync<Conversation>(q => q.Where(c => c.Status == ConversationStatus.Queued));
            Assert.Equal(chats.Count - offers.Count, queued.Count);
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(database);
        }
    }

    [Fact]
    public async Task Routing_workers_on_two_nodes_fill_every_counsellor_to_capacity_and_no_further()
    {
        var database = await TestPostgres.CreateDatabaseAsync(Ct);
        try
        {
            var workers = new Dictionary<string, string?> { ["Minwon:Routing:Enabled"] = "true" };
            await using var nodeA = await MinwonApp.StartAsync(Db.Postgres, workers, postgres: database);
            await using var nodeB = await MinwonApp.StartAsync(Db.Postgres, workers, postgres: database);
            for (var i = 0; i < 30; i++)
            {
                await (i % 2 == 0 ? nodeA : nodeB).StartChatAsync();
            }

            // Both workers run a pass at once on every change and every second; a watcher samples capacity throughout.
            var violations = new List<string>();
            using var stop = new CancellationTokenSource();
            var samples = 0;
            var watcher = Task.Run(async () =>
            {
                for (; !stop.IsCancellationRequested; samples++)
                {
                    var load = await LoadAsync(samples % 2 == 0 ? nodeA : nodeB);
                    violations.AddRange(load.Where(l => l.Value.Active > l.Value.Max).Select(l => $"{l.Key} held {l.Value.Active} of {l.Value.Max}"));
                }
            }, Ct);
            foreach (var capacity in Capacities)
            {
                await (await (capacity % 2 == 0 ? nodeA : nodeB).CounsellorAsync(maxConcurrent: capacity)).GoAvailableAsync();
            }

            for (var wait = 0; wait < 300 && (await LoadAsync(nodeA)).Values.Sum(l => l.Active) < Capacities.Sum(); wait++)
            {
                await Task.Delay(100, Ct);
            }

            // A few more worker ticks must not add anything.
            await Task.Delay(RoutingWorker.Tick * 2.5, Ct);
            await stop.CancelAsync();
            await watcher;
            TestContext.Current.TestOutputHelper?.WriteLine($"Capacity sampled {samples} times");
            var offered = await nodeA.RowsAsync<Conversation>(q => q.Where(c => c.Status == ConversationStatus.Offered));
            AssertConsistent(offered.Select(c => (c.Id, c.OfferedToId!)).ToList(), violations, await LoadAsync(nodeB));
            Assert.Equal(Capacities.Sum(), offered.Count);
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(database);
        }
    }

    // Sixteen passes (eight per node) released at the same moment, while a watcher checks capacity throughout.
    private static async Task<List<(Guid, string)>> RaceAsync(MinwonApp nodeA, MinwonApp nodeB, List<string> violations)
    {
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var conflicts = 0;
        var passes = Enumerable.Range(0, 16).Select(async i =>
        {
            await go.Task;
            await using var scope = (i % 2 == 0 ? nodeA : nodeB).Services.CreateAsyncScope();
            var (pass, changes) = await scope.ServiceProvider.GetRequiredService<RouteContacts>().RunOnceAsync(Ct);
            Interlocked.Add(ref conflicts, pass.Conflicts);
            return changes;
        }).ToList();
        using var stop = new CancellationTokenSource();
        var watcher = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                foreach (var (agent, (active, max)) in await LoadAsync(nodeB))
                {
                    if (active > max)
                    {
                        lock (violations)
                        {
                            violations.Add($"{agent} held {active} of {max} during the race");
                        }
                    }
                }
            }
        }, Ct);

        go.SetResult();
        var results = await Task.WhenAll(passes);
        await stop.CancelAsync();
        await watcher;
        TestContext.Current.TestOutputHelper?.WriteLine($"Race: {results.Sum(r => r.Count)} offers, {conflicts} lost to the other passes");

        // A pass that lost a race leaves that capacity to the next pass, as the worker's next tick would run it.
        await using var settle = nodeA.Services.CreateAsyncScope();
        var (_, settled) = await settle.ServiceProvider.GetRequiredService<RouteContacts>().RunOnceAsync(Ct);
        return results.Append(settled).SelectMany(changes => changes.Select(c => (c.ConversationId, c.AgentId))).ToList();
    }

    private static void AssertConsistent(List<(Guid ConversationId, string AgentId)> offers, List<string> violations,
        Dictionary<string, (int Active, int Max)> load)
    {
        Assert.Empty(violations);
        var twice = offers.GroupBy(o => o.ConversationId).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(twice.Count == 0, $"Offered more than once: {string.Join(", ", twice)}");
        Assert.All(load, l => Assert.True(l.Value.Active <= l.Value.Max, $"{l.Key} holds {l.Value.Active} of {l.Value.Max}"));
        Assert.All(load, l => Assert.Equal(l.Value.Max, l.Value.Active));
    }

    private static Task<Dictionary<string, (int Active, int Max)>> LoadAsync(MinwonApp node) => node.DbAsync(async db =>
    {
        var agents = await db.Set<AgentProfile>().AsNoTracking().ToDictionaryAsync(a => a.UserId, a => a.MaxConcurrent, Ct);
        var held = await db.Set<Conversation>().AsNoTracking()
            .Where(c => c.Status == ConversationStatus.Offered || c.Status == ConversationStatus.Assigned)
            .Select(c => c.Status == ConversationStatus.Offered ? c.OfferedToId : c.AssignedToId)
            .ToListAsync(Ct);
        return agents.ToDictionary(a => a.Key, a => (held.Count(h => h == a.Key), a.Value));
    });
}
