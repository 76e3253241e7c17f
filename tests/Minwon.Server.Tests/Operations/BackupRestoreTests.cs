using System.Collections.Concurrent;
using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Minwon.Core.Conversations;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Tests.Testing;

namespace Minwon.Server.Tests.Operations;

/// <summary>`minwon backup` while citizens keep writing, `minwon restore` into empty storage, and what bad input does.</summary>
public sealed class BackupRestoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Dictionary<string, string?> Busy = new()
    {
        ["Minwon:Chat:CitizenBurst"] = "100000",
        ["Minwon:Chat:CitizenMessagesPerMinute"] = "100000",
    };

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_backup_taken_under_load_restores_every_message_acknowledged_before_it_into_empty_storage(Db db)
    {
        var restoredDir = Path.Combine(Path.GetTempPath(), "minwon-restored-" + Guid.NewGuid().ToString("N"));
        var archive = Path.Combine(Path.GetTempPath(), $"minwon-backup-{Guid.NewGuid():N}.tar.gz");
        string? restoredDatabase = null;
        try
        {
            await using var app = await MinwonApp.StartAsync(db, Busy, fakeClock: false);
            Directory.CreateDirectory(Path.Combine(app.DataDir, "uploads"));
            await File.WriteAllBytesAsync(Path.Combine(app.DataDir, "uploads", "photo.jpg"), [0xFF, 0xD8, 0xFF, 1, 2, 3], Ct);
            // A video recording's second part and its key, as VideoRecordingStore names them beside the call recordings.
            var videoPart = $"video-{Guid.NewGuid():N}-1";
            Directory.CreateDirectory(Path.Combine(app.DataDir, "recordings"));
            await File.WriteAllBytesAsync(Path.Combine(app.DataDir, "recordings", videoPart + ".mwrec"), [.. "MWREC1\r\n"u8, 7, 7], Ct);
            await File.WriteAllTextAsync(Path.Combine(app.DataDir, "recordings", videoPart + ".key"), "protected-key", Ct);
            var env = app.Postgres is { } source ? new Dictionary<string, string> { ["ConnectionStrings__Postgres"] = source } : [];

            var acknowledged = new ConcurrentBag<(Guid Conversation, int Seq, string Body)>();
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            var chats = new List<StartChatResponse>();
            for (var i = 0; i < 6; i++)
            {
                chats.Add(await app.StartChatAsync(name: null));
            }

            var load = chats.Select(chat => Task.Run(async () =>
            {
                using var citizen = app.CitizenClient();
                for (var n = 1; !stop.IsCancellationRequested; n++)
                {
                    var body = $"부하 {chat.ConversationId:N} {n}";
                    var sent = await citizen.SayAsync(chat.Token, body);
                    acknowledged.Add((chat.ConversationId, sent.Seq, body));
                }
            }, CancellationToken.None)).ToList();

            await Until(() => acknowledged.Count >= 60, "the load to get going");
            var beforeBackup = acknowledged.ToList();
            var backup = await Cli.RunAsync(["backup", "--out", archive, "--data-dir", app.DataDir], env);
            var duringBackup = acknowledged.Count - beforeBackup.Count;
            await stop.CancelAsync();
            await Task.WhenAll(load.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
            Assert.True(backup.ExitCode == 0, backup.ToString());
            Assert.True(duringBackup > 0, "citizens kept writing while the backup ran");

            var restoreEnv = new Dictionary<string, string>();
            if (db == Db.Postgres)
            {
                restoredDatabase = await TestPostgres.CreateDatabaseAsync(Ct);
                restoreEnv["ConnectionStrings__Postgres"] = restoredDatabase;
            }

            var restore = await Cli.RunAsync(["restore", archive, "--data-dir", restoredDir], restoreEnv);
            Assert.True(restore.ExitCode == 0, restore.ToString());
            Assert.Contains("Restored", restore.Stdout, StringComparison.Ordinal);
            Assert.True(Directory.Exists(Path.Combine(restoredDir, "index", "knowledge")), "the search index was rebuilt");
            Assert.Equal([0xFF, 0xD8, 0xFF, 1, 2, 3], await File.ReadAllBytesAsync(Path.Combine(restoredDir, "uploads", "photo.jpg"), Ct));
            Assert.Equal([.. "MWREC1\r\n"u8, 7, 7], await File.ReadAllBytesAsync(Path.Combine(restoredDir, "recordings", videoPart + ".mwrec"), Ct));
            Assert.Equal("protected-key", await File.ReadAllTextAsync(Path.Combine(restoredDir, "recordings", videoPart + ".key"), Ct));

            await using var restored = await MinwonApp.StartAsync(db, dataDir: restoredDir, postgres: restoredDatabase);
            var ids = chats.Select(c => c.ConversationId).ToList();
            var rows = await restored.RowsAsync<Message>(q => q.Where(m => ids.Contains(m.ConversationId) && m.Sender == MessageSender.Citizen));
            var present = rows.Select(m => (m.ConversationId, m.Seq, m.Body)).ToHashSet();
            var missing = beforeBackup.Where(a => !present.Contains(a)).ToList();
            Assert.True(missing.Count == 0, $"{missing.Count} of {beforeBackup.Count} acknowledged messages are missing");

            // What the snapshot holds is whole: each conversation's citizen messages are a gap-free prefix of what was acknowledged.
            var all = acknowledged.ToHashSet();
            Assert.All(rows, m => Assert.Contains((m.ConversationId, m.Seq, m.Body), all));
            foreach (var conversation in rows.GroupBy(m => m.ConversationId))
            {
                var numbers = conversation.Select(m => int.Parse(m.Body.Split(' ')[^1], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
                Assert.Equal(Enumerable.Range(1, numbers.Count), numbers);
            }

            var restoredCount = await restored.DbAsync(d => d.Set<Message>().CountAsync(Ct));
            Assert.True(restoredCount >= beforeBackup.Count);
        }
        finally
        {
            File.Delete(archive);
            MinwonApp.DeleteDataDir(restoredDir);
            if (restoredDatabase is not null)
            {
                await TestPostgres.DropDatabaseAsync(restoredDatabase);
            }
        }
    }

    [Fact]
    public async Task Bad_input_is_refused_with_a_clear_error_and_exit_code_2_and_nothing_is_overwritten()
    {
        var work = Directory.CreateTempSubdirectory("minwon-badbackup-").FullName;
        try
        {
            var source = Path.Combine(work, "source");
            await using (var app = await MinwonApp.StartAsync(Db.Sqlite, dataDir: source))
            {
                await app.StartChatAsync();
            }

            var good = Path.Combine(work, "good.tar.gz");
            Assert.Equal(0, (await Cli.RunAsync(["backup", "--out", good, "--data-dir", source])).ExitCode);

            // An existing output file is never overwritten.
            var existing = Path.Combine(work, "existing.tar.gz");
            await File.WriteAllTextAsync(existing, "keep me", Ct);
            var again = await Cli.RunAsync(["backup", "--out", existing, "--data-dir", source]);
            Assert.Equal(2, again.ExitCode);
            Assert.Contains("exists", again.Stderr, StringComparison.Ordinal);
            Assert.Equal("keep me", await File.ReadAllTextAsync(existing, Ct));

            var missing = await Cli.RunAsync(["restore", Path.Combine(work, "nope.tar.gz"), "--data-dir", Path.Combine(work, "t1")]);
            Assert.Equal(2, missing.ExitCode);
            Assert.Contains("not found", missing.Stderr, StringComparison.Ordinal);

            // A truncated archive, random bytes, and an archive whose database was altered: refused, the target left empty.
            var bytes = await File.ReadAllBytesAsync(good, Ct);
            var truncated = Path.Combine(work, "truncated.tar.gz");
            await File.WriteAllBytesAsync(truncated, bytes[..(bytes.Length / 2)], Ct);
            var garbage = Path.Combine(work, "garbage.tar.gz");
            await File.WriteAllBytesAsync(garbage, Encoding.UTF8.GetBytes("this is not a backup at all"), Ct);
            var altered = Path.Combine(work, "altered.tar.gz");
            await AlterDatabaseAsync(good, altered);
            foreach (var bad in new[] { truncated, garbage, altered })
            {
                var target = Path.Combine(work, "t-" + Path.GetFileNameWithoutExtension(bad));
                Directory.CreateDirectory(target);
                var result = await Cli.RunAsync(["restore", bad, "--data-dir", target]);
                Assert.True(result.ExitCode == 2, $"{Path.GetFileName(bad)}: {result}");
                Assert.Matches("damaged|truncated|not a Minwon backup|does not match", result.Stderr);
                Assert.Empty(Directory.EnumerateFileSystemEntries(target));
            }

            // A data directory that holds anything is not a restore target.
            var occupied = Path.Combine(work, "occupied");
            Directory.CreateDirectory(occupied);
            await File.WriteAllTextAsync(Path.Combine(occupied, "minwon.db"), "someone's database", Ct);
            var refused = await Cli.RunAsync(["restore", good, "--data-dir", occupied]);
            Assert.Equal(2, refused.ExitCode);
            Assert.Contains("not empty", refused.Stderr, StringComparison.Ordinal);
            Assert.Equal(["minwon.db"], Directory.EnumerateFileSystemEntries(occupied).Select(Path.GetFileName));
            Assert.Equal("someone's database", await File.ReadAllTextAsync(Path.Combine(occupied, "minwon.db"), Ct));

            var fine = await Cli.RunAsync(["restore", good, "--data-dir", Path.Combine(work, "fresh")]);
            Assert.True(fine.ExitCode == 0, fine.ToString());
        }
        finally
        {
            MinwonApp.DeleteDataDir(work);
        }
    }

    /// <summary>The same archive with one byte of the database changed (a whole, well-formed tar.gz that lies).</summary>
    private static async Task AlterDatabaseAsync(string source, string target)
    {
        await using var input = new TarReader(new GZipStream(File.OpenRead(source), CompressionMode.Decompress));
        await using var output = new TarWriter(new GZipStream(File.Create(target), CompressionLevel.Fastest), TarEntryFormat.Pax);
        while (await input.GetNextEntryAsync(copyData: true, Ct) is { } entry)
        {
            if (entry.Name.StartsWith("database/", StringComparison.Ordinal) && entry.DataStream is { } data)
            {
                using var copy = new MemoryStream();
                await data.CopyToAsync(copy, Ct);
                var changed = copy.ToArray();
                changed[^100] ^= 0x55;
                entry.DataStream = new MemoryStream(changed);
            }

            await output.WriteEntryAsync(entry, Ct);
        }
    }

    private static async Task Until(Func<bool> done, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!done())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"timed out waiting for {what}");
            await Task.Delay(50, Ct);
        }
    }
}
