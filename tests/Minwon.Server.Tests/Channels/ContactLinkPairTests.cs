using System.Net;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Minwon.Core.Conversations;
using Minwon.Server.Data;
using Minwon.Server.Features.Cases;
using Minwon.Server.Features.ChannelAdapters;
using Minwon.Server.Features.ChannelAdapters.Contacts;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Features.TextSafety;
using Minwon.Server.Tests.Testing;

namespace Minwon.Server.Tests.ChannelAdapters;

/// <summary>
/// Issue 15 item 5: the same two contacts have at most one active link. The unique index over the links not undone decides
/// when counsellors link the same pair at once (either direction): one 201, the rest 409, one row, and an access log whose
/// <c>link</c> entries are matched by <c>link-refused</c> entries for every loser. The migration fills the pair key of old
/// rows and undoes their duplicates. On SQLite and on PostgreSQL (skipped with a message without MINWON_TEST_POSTGRES).
/// </summary>
public sealed class ContactLinkPairTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Counsellors_linking_the_same_pair_at_once_from_both_sides_leave_one_link_and_the_others_get_409(Db db)
    {
        var app = await apps.GetAsync(db);
        var counsellor = await app.CounsellorAsync();
        var chat = await app.ServedChatAsync(counsellor);
        var contact = (await counsellor.ConversationAsync(chat.ConversationId)).Conversation.ContactId;
        var other = await ContactAsync(app, ContactKeys.Phone(NewPhone()), Channels.Sms);
        var supervisor = await app.StaffAsync("supervisor");

        var requests = Enumerable.Range(0, 8).Select(i => i % 2 == 0
            ? counsellor.Http.PostAsJsonAsync($"/api/contacts/{contact}/links", new { otherContactId = other, reason = $"동시 연결 {i}" }, Ct)
            : supervisor.Http.PostAsJsonAsync($"/api/contacts/{other}/links", new { otherContactId = contact, reason = $"반대쪽 {i}" }, Ct));
        var responses = await Task.WhenAll(requests);
        try
        {
            Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
            foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
            {
                Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
                Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
                var problem = await refused.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>(Ct);
                Assert.Contains("이미 같은 시민으로 연결된 연락처", problem?.Detail, StringComparison.Ordinal);
            }
        }
        finally
        {
            foreach (var r in responses)
            {
                r.Dispose();
            }
        }

        var pair = ContactLink.PairKeyOf(contact, other);
        var active = Assert.Single(await app.RowsAsync<ContactLink>(q => q.Where(l => l.PairKey == pair && l.UndoneAt == null)));
        Assert.Single(await app.RowsAsync<ContactLink>(q => q.Where(l => l.PairKey == pair)));

        // Every request that passed the read wrote "link" first; each one the index refused then wrote "link-refused":
        // the entries add up to the one link stored, and the chain still verifies.
        var entries = await app.RowsAsync<AccessLogEntry>(q => q.Where(e => e.Record == $"contact:{contact}" || e.Record == $"contact:{other}")
            .OrderBy(e => e.Sequence));
        var links = entries.Count(e => e.Action == "link");
        var refusedEntries = entries.Where(e => e.Action == "link-refused").ToList();
        Assert.Equal(1, links - refusedEntries.Count);
        Assert.All(refusedEntries, r => Assert.Contains(entries, e => e.Action == "link" && e.Sequence < r.Sequence && e.ActorId == r.ActorId
            && e.Record == r.Record));
        Assert.Contains(entries, e => e.Action == "link" && e.ActorId == active.LinkedBy && e.Record == $"contact:{active.ContactId}");
        Assert.True((await app.DbAsync(d => new AccessLog(d, TimeProvider.System).VerifyAsync(Ct))).Intact);

        // Undone, the pair can be linked again (from the other side), and only then is it active once more.
        using (var undone = await supervisor.Http.DeleteAsync($"/api/contacts/{other}/links/{contact}", Ct))
        {
            await ChatApi.ExpectAsync(HttpStatusCode.OK, undone);
        }

        using (var again = await supervisor.Http.PostAsJsonAsync($"/api/contacts/{other}/links", new { otherContactId = contact, reason = "다시 확인" }, Ct))
        {
            await ChatApi.ExpectAsync(HttpStatusCode.Created, again);
        }

        Assert.Equal(2, (await app.RowsAsync<ContactLink>(q => q.Where(l => l.PairKey == pair))).Count);
        Assert.Single(await app.RowsAsync<ContactLink>(q => q.Where(l => l.PairKey == pair && l.UndoneAt == null)));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task The_database_refuses_a_second_active_link_of_a_pair_in_either_direction_and_keeps_undone_ones(Db db)
    {
        var app = await apps.GetAsync(db);
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        Assert.Equal(ContactLink.PairKeyOf(a, b), ContactLink.PairKeyOf(b, a));
        await app.DbAsync(async d =>
        {
            d.AddRange(Row(a, b, undone: true), Row(b, a, undone: true), Row(a, b));
            return await d.SaveChangesAsync(Ct);
        });

        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => app.DbAsync(async d =>
        {
            d.Add(Row(b, a));
            return await d.SaveChangesAsync(Ct);
        }));
        Assert.True(ConcurrencyRetry.IsUniqueViolation(refused, out var constraint));
        if (db == Db.Postgres)
        {
            Assert.Equal(ContactLink.ActivePairIndex, constraint);
        }

        Assert.Equal(3, (await app.RowsAsync<ContactLink>(q => q.Where(l => l.PairKey == ContactLink.PairKeyOf(a, b)))).Count);
    }

    [Fact]
    public async Task The_migration_fills_the_pair_key_of_old_links_on_sqlite_and_undoes_their_duplicates()
    {
        var path = Path.Combine(Path.GetTempPath(), $"minwon-links-{Guid.NewGuid():N}.db");
        try
        {
            var options = new DbContextOptionsBuilder<SqliteMinwonDbContext>().UseSqlite($"Data Source={path};Pooling=False").Options;
            await using var db = new SqliteMinwonDbContext(options);
            var (a, b, c) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
            var at = new DateTimeOffset(2026, 12, 6, 1, 0, 0, TimeSpan.Zero);
            await MigrateWithOldRowsAsync(db, rows: [
                (1, a, b, at, null),
                (2, b, a, at.AddMinutes(1), null),
                (3, a, b, at.AddMinutes(-5), at.AddMinutes(-4)),
                (4, c, a, at.AddMinutes(2), null),
            ], insert: (r, d) => d.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO "ContactLinks" ("ContactId", "LinkedContactId", "LinkedBy", "LinkedAt", "UndoneBy", "UndoneAt")
                VALUES ({Upper(r.From)}, {Upper(r.To)}, 'c1', {r.At.UtcTicks}, {(r.Undone is null ? null : "c1")}, {r.Undone?.UtcTicks})
                """, Ct));
            await ExpectBackfilledAsync(db, a, b, c, at);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    [Fact]
    public async Task The_migration_fills_the_pair_key_of_old_links_on_postgresql_and_undoes_their_duplicates()
    {
        var connection = await TestPostgres.CreateDatabaseAsync(Ct);
        try
        {
            var options = new DbContextOptionsBuilder<PostgresMinwonDbContext>().UseNpgsql(connection).Options;
            await using var db = new PostgresMinwonDbContext(options);
            var (a, b, c) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
            var at = new DateTimeOffset(2026, 12, 6, 1, 0, 0, TimeSpan.Zero);
            await MigrateWithOldRowsAsync(db, rows: [
                (1, a, b, at, null),
                (2, b, a, at.AddMinutes(1), null),
                (3, a, b, at.AddMinutes(-5), at.AddMinutes(-4)),
                (4, c, a, at.AddMinutes(2), null),
            ], insert: (r, d) => d.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO "ContactLinks" ("ContactId", "LinkedContactId", "LinkedBy", "LinkedAt", "UndoneBy", "UndoneAt")
                VALUES ({r.From}, {r.To}, 'c1', {r.At}, {(r.Undone is null ? null : "c1")}, {r.Undone})
                """, Ct));
            await ExpectBackfilledAsync(db, a, b, c, at);
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(connection);
        }
    }

    /// <summary>Migrates to the migration before the pair key, stores rows as the code of then did, then migrates to the end.</summary>
    private static async Task MigrateWithOldRowsAsync(MinwonDbContext db, (long Id, Guid From, Guid To, DateTimeOffset At, DateTimeOffset? Undone)[] rows,
        Func<(long Id, Guid From, Guid To, DateTimeOffset At, DateTimeOffset? Undone), MinwonDbContext, Task<int>> insert)
    {
        var all = db.Database.GetMigrations().ToList();
        var index = all.FindIndex(m => m.EndsWith("_ContactLinkActivePairIndex", StringComparison.Ordinal));
        Assert.True(index > 0, "The migration ContactLinkActivePairIndex is missing.");
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(all[index - 1], cancellationToken: Ct);
        foreach (var row in rows)
        {
            await insert(row, db);
        }

        await migrator.MigrateAsync(cancellationToken: Ct);
    }

    /// <summary>The rows were inserted in order (ids 1-4), so ordering by id gives them back in that order.</summary>
    private static async Task ExpectBackfilledAsync(MinwonDbContext db, Guid a, Guid b, Guid c, DateTimeOffset at)
    {
        var rows = await db.Set<ContactLink>().AsNoTracking().OrderBy(l => l.Id).ToListAsync(Ct);
        Assert.Equal(4, rows.Count);
        Assert.Equal([ContactLink.PairKeyOf(a, b), ContactLink.PairKeyOf(a, b), ContactLink.PairKeyOf(a, b), ContactLink.PairKeyOf(a, c)],
            rows.Select(r => r.PairKey));

        // The first active link of a pair stays; a later duplicate is marked undone by the migration at its own time.
        Assert.Null(rows[0].UndoneAt);
        Assert.Equal(("migration:duplicate", at.AddMinutes(1)), (rows[1].UndoneBy, rows[1].UndoneAt));
        Assert.Equal(("c1", at.AddMinutes(-4)), (rows[2].UndoneBy, rows[2].UndoneAt));
        Assert.Null(rows[3].UndoneAt);

        // The index is in place: the pair cannot be linked a second time while the first link stands.
        db.Add(Row(b, a));
        Assert.True(ConcurrencyRetry.IsUniqueViolation(await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct)), out var constraint));
        Assert.True(constraint is null or ContactLink.ActivePairIndex, $"Refused by {constraint}, not the active-pair index.");
    }

    private static ContactLink Row(Guid from, Guid to, bool undone = false) => new()
    {
        ContactId = from, LinkedContactId = to, PairKey = ContactLink.PairKeyOf(from, to), LinkedBy = "test", LinkedAt = TimeProvider.System.GetUtcNow(),
        UndoneBy = undone ? "test" : null, UndoneAt = undone ? TimeProvider.System.GetUtcNow() : null,
    };

    /// <summary>EF Core's SQLite provider stores a Guid as upper-case text.</summary>
    private static string Upper(Guid id) => id.ToString("D").ToUpperInvariant();

    private static Task<Guid> ContactAsync(MinwonApp app, string key, string channel) => app.DbAsync(async db =>
    {
        var now = (app.Clock ?? TimeProvider.System).GetUtcNow();
        var contact = new Contact { ExternalKey = key, CreatedAt = now.AddDays(-3) };
        var conversation = new Conversation
        {
            Token = StartChat.NewSecret(32), ContactId = contact.Id, Channel = channel, Topic = "문의", CreatedAt = now.AddDays(-2),
            Status = ConversationStatus.Closed, ClosedAt = now.AddDays(-2).AddMinutes(10),
        };
        db.AddRange(contact, conversation, new Case
        {
            ReceiptNumber = "T" + Guid.NewGuid().ToString("N")[..12], ContactId = contact.Id, ConversationId = conversation.Id, Channel = channel,
            Summary = "문의", CreatedAt = now.AddDays(-2).AddMinutes(10),
        });
        await db.SaveChangesAsync(Ct);
        return contact.Id;
    });

    private static string NewPhone() => "010" + Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
