using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Minwon.Server.Data;
using Minwon.Server.Features.ChannelAdapters.Contacts;
using Minwon.Server.Tests.Testing;
using Npgsql;

namespace Minwon.Server.Tests.ChannelAdapters;

/// <summary>
/// The pair key behind the unique index on links not undone (migration ContactLinkPairIndex): the same in C# and in each
/// provider's SQL, and links stored twice before the index existed are retired by the migration, keeping the first.
/// </summary>
public sealed class ContactLinkPairIndexTests
{
    private const string Before = "VideoRecordingParts";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void The_pair_key_is_the_same_from_either_side_and_differs_between_pairs()
    {
        var (a, b, c) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        Assert.Equal(ContactLink.PairOf(a, b), ContactLink.PairOf(b, a));
        Assert.NotEqual(ContactLink.PairOf(a, b), ContactLink.PairOf(a, c));
        Assert.Equal(73, ContactLink.PairOf(a, b).Length);
        Assert.Equal(ContactLink.PairOf(a, b), ContactLink.PairOf(a, b).ToLowerInvariant());
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task The_migration_keys_existing_links_like_the_code_and_retires_a_pair_stored_twice(Db db)
    {
        var (connectionString, cleanup) = await NewDatabaseAsync(db);
        try
        {
            await using var context = Context(db, connectionString);
            var migrator = context.GetService<IMigrator>();
            await migrator.MigrateAsync(Before, cancellationToken: Ct);

            // Rows 1 and 2 hold one pair in both orders; rows 3 and 4 another, one of them undone.
            var a = Guid.Parse("f0000000-0000-0000-0000-000000000001");
            var b = Guid.Parse("0f000000-0000-0000-0000-000000000002");
            var c = Guid.Parse("a0000000-0000-0000-0000-000000000003");
            var connection = context.Database.GetDbConnection();
            await connection.OpenAsync(Ct);
            await InsertAsync(db, connection, 1, a, b, undone: false);
            await InsertAsync(db, connection, 2, b, a, undone: false); // the same pair from the other side, at the same instant
            await InsertAsync(db, connection, 3, a, c, undone: false);
            await InsertAsync(db, connection, 4, c, a, undone: true);  // an undone link of a pair that is linked again (row 3)
            await connection.CloseAsync();

            await migrator.MigrateAsync(cancellationToken: Ct);

            var links = await context.Set<ContactLink>().AsNoTracking().OrderBy(l => l.Id).ToListAsync(Ct);
            Assert.Equal([1L, 2, 3, 4], links.Select(l => l.Id));
            Assert.All(links, l => Assert.Equal(ContactLink.PairOf(l.ContactId, l.LinkedContactId), l.PairKey));
            Assert.Null(links[0].UndoneAt);
            Assert.Equal(("system:duplicate", links[1].LinkedAt), (links[1].UndoneBy, links[1].UndoneAt));
            Assert.Null(links[2].UndoneAt);
            Assert.Equal("lead", links[3].UndoneBy);

            // The index now refuses a second active link of a pair, from either side, and allows one after an undo.
            context.Add(NewLink(c, a));
            var refused = await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync(Ct));
            Assert.True(ConcurrencyRetry.IsUniqueViolation(refused, out var constraint));
            Assert.True(constraint is null or ContactLink.ActivePairIndex, constraint);
            context.ChangeTracker.Clear();
            var undone = await context.Set<ContactLink>().SingleAsync(l => l.Id == 3, Ct);
            undone.UndoneBy = "lead";
            undone.UndoneAt = new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero);
            context.Add(NewLink(c, a));
            await context.SaveChangesAsync(Ct);
            Assert.Single(await context.Set<ContactLink>().Where(l => l.UndoneAt == null && l.PairKey == ContactLink.PairOf(a, c)).ToListAsync(Ct));
        }
        finally
        {
            await cleanup();
        }
    }

    private static ContactLink NewLink(Guid from, Guid to) => new()
    {
        ContactId = from, LinkedContactId = to, LinkedBy = "lead", LinkedAt = new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero), Reason = "확인",
        PairKey = ContactLink.PairOf(from, to),
    };

    private static async Task InsertAsync(Db db, DbConnection connection, long id, Guid from, Guid to, bool undone)
    {
        var at = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(id);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO "ContactLinks" ("ContactId", "LinkedContactId", "LinkedBy", "LinkedAt", "Reason", "UndoneBy", "UndoneAt")
            VALUES (@from, @to, 'lead', @at, '확인', @undoneBy, @undoneAt)
            """;
        // As each provider's EF mapping stores them: SQLite as upper-case text and UTC ticks, PostgreSQL as uuid and timestamptz.
        Add(command, "from", db == Db.Sqlite ? from.ToString().ToUpperInvariant() : from);
        Add(command, "to", db == Db.Sqlite ? to.ToString().ToUpperInvariant() : to);
        Add(command, "at", db == Db.Sqlite ? at.UtcTicks : at);
        Add(command, "undoneBy", undone ? "lead" : DBNull.Value);
        Add(command, "undoneAt", undone ? (db == Db.Sqlite ? at.AddMinutes(1).UtcTicks : at.AddMinutes(1)) : DBNull.Value);
        await command.ExecuteNonQueryAsync(Ct); // a fresh table: the ids come out 1, 2, 3, 4 in the order inserted
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static MinwonDbContext Context(Db db, string connectionString) => db == Db.Sqlite
        ? new SqliteMinwonDbContext(new DbContextOptionsBuilder<SqliteMinwonDbContext>().UseSqlite(connectionString).Options)
        : new PostgresMinwonDbContext(new DbContextOptionsBuilder<PostgresMinwonDbContext>().UseNpgsql(connectionString).Options);

    private static async Task<(string ConnectionString, Func<Task> Cleanup)> NewDatabaseAsync(Db db)
    {
        if (db == Db.Postgres)
        {
            var postgres = await TestPostgres.CreateDatabaseAsync(Ct);
            return (postgres, () => TestPostgres.DropDatabaseAsync(postgres));
        }

        var file = Path.Combine(Path.GetTempPath(), $"minwon-pairindex-{Guid.NewGuid():N}.db");
        return ($"Data Source={file};Pooling=False", () =>
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
            return Task.CompletedTask;
        });
    }
}
