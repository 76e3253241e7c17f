using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Minwon.Core.Conversations;
using Minwon.Server.Data;
using Minwon.Server.Features.ChannelAdapters;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Platform.Events;
using Minwon.Server.Tests.Testing;

namespace Minwon.Server.Tests.ChannelAdapters;

/// <summary>
/// The inbound consumer in batches (docs/benchmarks/channels.md): up to <see cref="ProcessChannelInbox.MaxPerTransaction"/>
/// inbox rows become conversation messages in one transaction with the cursor, each provider id once, each citizen's
/// messages in the order they arrived, and the webhook's contract unchanged (202; a repeat answered duplicate and stored
/// once). The consumer is driven by hand so a batch can be counted.
/// </summary>
public sealed class ChannelInboxBatchTests
{
    private const string Key = "batch-test-key";
    private const int Citizens = 3;
    private const int PerCitizen = 20;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Sixty_SMS_from_three_citizens_are_stored_in_batches_once_each_and_in_order(Db db)
    {
        await using var app = await MinwonApp.StartAsync(db, new Dictionary<string, string?>
        {
            ["Minwon:Events:ConsumersEnabled"] = "false",
            ["Minwon:Channels:Sms:ApiKey"] = Key,
        });
        using var gateway = app.CitizenClient();
        gateway.DefaultRequestHeaders.Add("X-Api-Key", Key);
        for (var k = 0; k < PerCitizen; k++)
        {
            for (var c = 0; c < Citizens; c++)
            {
                Assert.Equal("stored", await PostAsync(gateway, $"batch-{c}-{k}", c, $"문의 {k}번째입니다"));
            }
        }

        // The contract: the same messageId again is answered 202 duplicate, before or after the consumer ran.
        Assert.Equal("duplicate", await PostAsync(gateway, "batch-0-0", 0, "문의 0번째입니다"));

        var consumer = app.Services.GetRequiredService<ProcessChannelInbox>();
        var run = new EventConsumerRun(consumer.Name, app.Services.GetRequiredService<IDbContextFactory<MinwonDbContext>>(),
            app.Services.GetRequiredService<IServiceScopeFactory>(), app.Services.GetRequiredService<TimeProvider>(),
            app.Services.GetRequiredService<ILogger<ChannelInboxBatchTests>>());

        // One batch: as many messages as one transaction takes, and the cursor with them.
        Assert.True(await consumer.RunBatchAsync(run, Ct) > 0);
        Assert.Equal(ProcessChannelInbox.MaxPerTransaction, (await app.RowsAsync<ChannelMessage>()).Count);
        var cursor = await app.DbAsync(d => d.Set<EventCursor>().AsNoTracking().SingleAsync(c => c.Name == consumer.Name, Ct));
        Assert.True(cursor.Position > 0);

        while (await consumer.RunBatchAsync(run, Ct) > 0)
        {
        }

        Assert.Equal("duplicate", await PostAsync(gateway, "batch-2-19", 2, "문의 19번째입니다"));
        var received = await app.RowsAsync<ChannelMessage>();
        Assert.Equal(Citizens * PerCitizen, received.Count);
        Assert.Equal(received.Count, received.Select(m => m.ExternalId).Distinct().Count());
        Assert.All(await app.RowsAsync<ChannelInboxItem>(), i => Assert.Null(i.Payload));

        // One conversation per citizen, their messages numbered in the order they arrived.
        var conversations = received.Select(m => m.ConversationId).Distinct().ToList();
        Assert.Equal(Citizens, conversations.Count);
        foreach (var id in conversations)
        {
            var texts = (await app.MessagesOfAsync(id)).Where(m => m.Sender == MessageSender.Citizen).OrderBy(m => m.Seq).Select(m => m.Body).ToList();
            Assert.Equal(Enumerable.Range(0, PerCitizen).Select(k => $"문의 {k}번째입니다"), texts);
        }
    }

    private static async Task<string> PostAsync(HttpClient gateway, string id, int citizen, string text)
    {
        using var response = await gateway.PostAsJsonAsync("/api/channels/sms/inbound", new
        {
            messageId = id, from = $"010-4444-{citizen:0000}", to = "120", text, receivedAt = TimeProvider.System.GetUtcNow(),
        }, Ct);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Minwon.Server.Features.ChannelAdapters.Sms.SmsAccepted>(Ct))!.Result;
    }
}
