using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Minwon.Core.Conversations;
using Minwon.Core.IssueAlerting;
using Minwon.Server.Data;
using Minwon.Server.Features.Cases;
using Minwon.Server.Features.Cases.Events;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Features.Reference;
using Minwon.Server.Features.Routing;
using Minwon.Server.Platform.Events;
using Minwon.Server.Platform;

namespace Minwon.Server.Features.Analytics;

public sealed record LoadDemoRequest(int Days, int PerDay, int Seed);

public sealed record LoadDemoResult(long Cases, long Abandoned, long Events, long WarehouseRows, DateOnly From, DateOnly To);

/// <summary>
/// Turns the Core traffic generator's contacts into closed conversations, cases and CaseClosed events ending
/// yesterday (Seoul), in batches with a fresh change tracker, then brings rollups and warehouse up to date.
/// Waits, handle times and outcomes are drawn per channel and hour so the handling figures look like a real centre.
/// </summary>
public sealed class LoadDemoData(IServiceScopeFactory scopes, CityClock clock)
{
    private const int BatchSize = 4000;

    private static readonly Dictionary<string, double> HandleMean = new() { ["phone"] = 190, ["chat"] = 380, ["sms"] = 260, ["app"] = 300 };

    public async Task<LoadDemoResult> RunAsync(LoadDemoRequest request, CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var first = today.AddDays(-request.Days);
        var start = clock.StartOf(first);
        var generator = new TrafficGenerator(new TrafficGeneratorOptions
        {
            Days = request.Days, PerDay = request.PerDay, Seed = request.Seed, Start = start, Incidents = Math.Max(1, request.Days / 2),
        });

        Dictionary<string, int> categories;
        Dictionary<string, string> districts;
        List<Guid> contacts;
        int? queueId;
        var run = Guid.NewGuid().ToString("N")[..6];
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MinwonDbContext>();
            categories = (await db.Set<Category>().AsNoTracking().ToListAsync(cancellationToken))
                .GroupBy(c => c.Minor).ToDictionary(g => g.Key, g => g.Min(c => c.Id), StringComparer.Ordinal);
            districts = await db.Set<District>().AsNoTracking().ToDictionaryAsync(d => d.NameKo, d => d.Code, cancellationToken);
            queueId = await db.Set<ServiceQueue>().Where(q => q.IsDefault).Select(q => (int?)q.Id).FirstOrDefaultAsync(cancellationToken);
            var pool = Enumerable.Range(0, Math.Clamp(request.PerDay / 4, 50, 5000))
                .Select(i => new Contact { ExternalKey = $"demo:{run}:{i}", CreatedAt = start.ToUniversalTime() }).ToList();
            db.AddRange(pool);
            await db.SaveChangesAsync(cancellationToken);
            contacts = [.. pool.Select(c => c.Id)];
        }

        var random = new Random(request.Seed);
        long cases = 0, abandoned = 0, sequence = 0;
        var batch = new List<ContactEvent>(BatchSize);
        foreach (var contact in generator.Generate())
        {
            batch.Add(contact);
            if (batch.Count == BatchSize)
            {
                abandoned += await InsertAsync(batch, categories, districts, contacts, queueId, run, random, sequence, cancellationToken);
                sequence += batch.Count;
                cases += batch.Count;
                batch.Clear();
            }
        }

        abandoned += await InsertAsync(batch, categories, districts, contacts, queueId, run, random, sequence, cancellationToken);
        cases += batch.Count;

        await using var final = scopes.CreateAsyncScope();
        var events = await final.ServiceProvider.GetRequiredService<UpdateRollups>().CatchUpAsync(cancellationToken);
        var rows = await final.ServiceProvider.GetRequiredService<SyncWarehouse>().RunAsync(cancellationToken, since: start);
        return new LoadDemoResult(cases, abandoned, events, rows, first, today.AddDays(-1));
    }

    private async Task<long> InsertAsync(List<ContactEvent> batch, Dictionary<string, int> categories, Dictionary<string, string> districts,
        List<Guid> contacts, int? queueId, string run, Random random, long sequence, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return 0;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MinwonDbContext>();
        var events = scope.ServiceProvider.GetRequiredService<EventLog>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        long abandoned = 0;
        foreach (var (e, i) in batch.Select((e, i) => (e, i)))
        {
            var channel = e.Channel ?? Channels.Phone;
            var arrived = e.Time.ToUniversalTime();
            var local = clock.Local(e.Time);
            var busy = local.Hour is >= 9 and <= 17 && local.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
            var roll = random.NextDouble();
            var selfService = channel is "chat" or "app" && roll < 0.18;
            var gaveUp = !selfService && random.NextDouble() < (busy ? 0.07 : 0.03);
            var wait = TimeSpan.FromSeconds(-Math.Log(1 - random.NextDouble()) * (busy ? 28 : 9));
            DateTimeOffset? answered = selfService || gaveUp ? null : arrived + wait;
            var handle = TimeSpan.FromSeconds(Math.Exp(Math.Log(HandleMean.GetValueOrDefault(channel, 240)) - 0.125 + (0.5 * Normal(random))));
            var ended = answered is { } a ? a + handle : arrived + (gaveUp ? wait : TimeSpan.FromSeconds(90));
            var closed = ended + TimeSpan.FromSeconds(answered is null ? 0 : 20 + (random.NextDouble() * 40));
            var disposition = selfService ? CaseDisposition.SelfService : gaveUp ? CaseDisposition.Abandoned : Disposition(random);
            abandoned += gaveUp ? 1 : 0;

            var conversation = new Conversation
            {
                Token = $"demo-{Guid.NewGuid():N}",
                ContactId = contacts[random.Next(contacts.Count)],
                Channel = channel,
                Status = gaveUp ? ConversationStatus.Abandoned : ConversationStatus.Closed,
                QueueId = selfService ? null : queueId,
                CreatedAt = arrived,
                EnqueuedAt = selfService ? null : arrived,
                FirstEnqueuedAt = selfService ? null : arrived,
                AnsweredAt = answered,
                EndedAt = ended,
                ClosedAt = closed,
            };
            var record = new Case
            {
                ReceiptNumber = $"D{run}-{local:yyMMdd}-{sequence + i:D7}",
                ContactId = conversation.ContactId,
                ConversationId = conversation.Id,
                CategoryId = e.Category is { } c && categories.TryGetValue(c, out var id) ? id : null,
                DistrictCode = e.District is { } d && districts.TryGetValue(d, out var code) ? code : null,
                Summary = e.Text.Length > Case.MaxSummaryLength ? e.Text[..Case.MaxSummaryLength] : e.Text,
                Disposition = disposition,
                Channel = channel,
                CreatedAt = closed,
                ClosedAt = closed,
            };
            db.Add(conversation);
            db.Add(record);
            events.Append(new CaseClosed(record.Id, record.CategoryId, record.DistrictCode, disposition, channel), conversation.Id, closed);
        }

        await db.SaveChangesAsync(cancellationToken);
        return abandoned;
    }

    private static CaseDisposition Disposition(Random random) => random.NextDouble() switch
    {
        < 0.74 => CaseDisposition.Answered,
        < 0.86 => CaseDisposition.ForwardedToDistrict,
        < 0.93 => CaseDisposition.ForwardedToDepartment,
        < 0.995 => CaseDisposition.CallbackNeeded,
        _ => CaseDisposition.AbuseEnded,
    };

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
