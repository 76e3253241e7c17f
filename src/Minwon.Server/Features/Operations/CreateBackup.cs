using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Minwon.Server.Platform;
using Npgsql;

namespace Minwon.Server.Features.Operations;

/// <summary>
/// <c>minwon backup --out FILE</c>, while the server runs: a consistent copy of the database (SQLite's online backup API,
/// or <c>pg_dump</c>, both a single snapshot), then the files of the data directory, into one .tar.gz with a manifest.
/// Files are copied as they are when read: a recording still being written is cut at its length then (its call row,
/// copied earlier, still says it is open; the restored node ends it at start as after a crash). The archive is written
/// beside FILE and renamed at the end, so FILE is whole or absent.
/// </summary>
public sealed class CreateBackup(IOptions<MinwonOptions> options, IConfiguration configuration, TimeProvider clock)
{
    public async Task<BackupManifest> RunAsync(string output, CancellationToken cancellationToken)
    {
        output = Path.GetFullPath(output);
        if (File.Exists(output) || Directory.Exists(output))
        {
            throw new BackupException($"{output} exists; a backup never overwrites a file. Choose another name.");
        }

        if (Path.GetDirectoryName(output) is { } parent && !Directory.Exists(parent))
        {
            throw new BackupException($"The directory {parent} does not exist.");
        }

        var dataDir = options.Value.ResolvedDataDir;
        var postgres = configuration.GetConnectionString("Postgres");
        var work = Directory.CreateTempSubdirectory("minwon-backup-").FullName;
        var partial = output + ".partial";
        try
        {
            var files = new List<(string Entry, string Path)>();
            string provider;
            if (string.IsNullOrWhiteSpace(postgres))
            {
                provider = "sqlite";
                var database = Path.Combine(dataDir, "minwon.db");
                if (!File.Exists(database))
                {
                    throw new BackupException($"No database at {database}: is --data-dir right?");
                }

                var copy = Path.Combine(work, "minwon.db");
                await using (var source = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False"))
                await using (var target = new SqliteConnection($"Data Source={copy};Pooling=False"))
                {
                    await source.OpenAsync(cancellationToken);
                    await target.OpenAsync(cancellationToken);
                    // One step over every page under a read transaction: a snapshot, while the server keeps writing (WAL).
                    source.BackupDatabase(target);
                }

                files.Add((BackupManifest.SqliteEntry, copy));
            }
            else
            {
                provider = "postgres";
                var dump = Path.Combine(work, "postgres.dump");
                await PostgresTools.RunAsync("pg_dump", postgres, ["--format=custom", "--no-owner", "--no-privileges", "--file", dump], cancellationToken);
                files.Add((BackupManifest.PostgresEntry, dump));
            }

            foreach (var directory in BackupManifest.DataDirectories)
            {
                var root = Path.Combine(dataDir, directory);
                if (!Directory.Exists(root))
                {
                    continue;
                }

                foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                {
                    var relative = Path.GetRelativePath(dataDir, file).Replace('\\', '/');
                    var snapshot = Path.Combine(work, "files", relative);
                    if (await SnapshotAsync(file, snapshot, cancellationToken))
                    {
                        files.Add(("files/" + relative, snapshot));
                    }
                }
            }

            var listed = new List<BackupFile>();
            await using (var stream = File.Create(partial))
            await using (var gzip = new GZipStream(stream, CompressionLevel.Fastest))
            await using (var tar = new TarWriter(gzip, TarEntryFormat.Pax))
            {
                foreach (var (entry, path) in files)
                {
                    listed.Add(new BackupFile(entry, new FileInfo(path).Length, await HashAsync(path, cancellationToken)));
                    await tar.WriteEntryAsync(path, entry, cancellationToken);
                }

                var manifest = new BackupManifest(BackupManifest.FormatName, BackupManifest.CurrentVersion, provider, clock.GetUtcNow(), listed);
                var manifestFile = Path.Combine(work, BackupManifest.EntryName);
                await File.WriteAllBytesAsync(manifestFile, JsonSerializer.SerializeToUtf8Bytes(manifest, BackupManifest.Json), cancellationToken);
                await tar.WriteEntryAsync(manifestFile, BackupManifest.EntryName, cancellationToken);
            }

            File.Move(partial, output);
            return new BackupManifest(BackupManifest.FormatName, BackupManifest.CurrentVersion, provider, clock.GetUtcNow(), listed);
        }
        finally
        {
            File.Delete(partial);
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>The file as long as it is now (a growing recording is cut there); false when it vanished meanwhile.</summary>
    private static async Task<bool> SnapshotAsync(string file, string snapshot, CancellationToken cancellationToken)
    {
        try
        {
            await using var source = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var length = source.Length;
            Directory.CreateDirectory(Path.GetDirectoryName(snapshot)!);
            await using var target = File.Create(snapshot);
            var buffer = new byte[81920];
            for (long left = length; left > 0;)
            {
                var read = await source.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, left)), cancellationToken);
                if (read == 0)
                {
                    break;
                }

                await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                left -= read;
            }

            return true;
        }
        catch (FileNotFoundException)
        {
            return false;
        }
        catch (DirectoryNotFoundException)
        {
            return false;
        }
    }

    public static async Task<string> HashAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }
}

/// <summary>pg_dump and pg_restore from the Debian packages (the newest installed major version), with the connection's settings.</summary>
internal static class PostgresTools
{
    public static async Task RunAsync(string tool, string connectionString, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var csb = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(Find(tool)) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("--dbname");
        start.ArgumentList.Add(csb.Database ?? "postgres");
        start.Environment["PGHOST"] = csb.Host ?? "localhost";
        start.Environment["PGPORT"] = csb.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (csb.Username is { } user)
        {
            start.Environment["PGUSER"] = user;
        }

        if (csb.Password is { } password)
        {
            start.Environment["PGPASSWORD"] = password;
        }

        using var process = Process.Start(start) ?? throw new BackupException($"{tool} could not be started.");
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        _ = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new BackupException($"{tool} failed (exit {process.ExitCode}): {(await stderr).Trim()}");
        }
    }

    private static string Find(string tool)
    {
        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", tool)).Where(File.Exists)
                .OrderByDescending(p => int.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(p))), out var v) ? v : 0).FirstOrDefault()
            : null;
        return installed ?? tool;
    }
}
