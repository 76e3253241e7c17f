using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Minwon.Server.Platform;
using Npgsql;

namespace Minwon.Server.Features.Operations;

/// <summary>
/// <c>minwon restore FILE</c> into an empty data directory (and, with PostgreSQL, an empty database): the archive is
/// unpacked and checked against its manifest before anything is written to the target, so a damaged archive or a
/// target that holds data changes nothing. The caller then migrates, rebuilds the search index and lets the warehouse
/// refill (<see cref="OperationsCli"/>).
/// </summary>
public sealed class RestoreBackup(IOptions<MinwonOptions> options, IConfiguration configuration)
{
    private const string Staging = ".restore-staging";

    public async Task<BackupManifest> RunAsync(string archive, CancellationToken cancellationToken)
    {
        archive = Path.GetFullPath(archive);
        if (!File.Exists(archive))
        {
            throw new BackupException($"Backup file not found: {archive}");
        }

        var dataDir = options.Value.ResolvedDataDir;
        if (Directory.Exists(dataDir) && Directory.EnumerateFileSystemEntries(dataDir).Any())
        {
            throw new BackupException($"The data directory {dataDir} is not empty; restore only into an empty one (nothing was changed).");
        }

        var postgres = configuration.GetConnectionString("Postgres");
        if (!string.IsNullOrWhiteSpace(postgres) && await TableCountAsync(postgres, cancellationToken) > 0)
        {
            throw new BackupException("The PostgreSQL database of ConnectionStrings:Postgres has tables; restore only into an empty database (nothing was changed).");
        }

        var createdDataDir = !Directory.Exists(dataDir);
        var staging = Path.Combine(dataDir, Staging);
        Directory.CreateDirectory(staging);
        var done = false;
        try
        {
            var manifest = await UnpackAsync(archive, staging, cancellationToken);
            var provider = string.IsNullOrWhiteSpace(postgres) ? "sqlite" : "postgres";
            if (manifest.Provider != provider)
            {
                throw new BackupException($"The backup holds a {manifest.Provider} database but this node is configured for {provider}.");
            }

            if (provider == "postgres")
            {
                await PostgresTools.RunAsync("pg_restore", postgres!, ["--no-owner", "--no-privileges", "--exit-on-error",
                    Path.Combine(staging, BackupManifest.PostgresEntry)], cancellationToken);
            }
            else
            {
                File.Move(Path.Combine(staging, BackupManifest.SqliteEntry), Path.Combine(dataDir, "minwon.db"));
            }

            var files = Path.Combine(staging, "files");
            if (Directory.Exists(files))
            {
                foreach (var directory in Directory.GetDirectories(files))
                {
                    Directory.Move(directory, Path.Combine(dataDir, Path.GetFileName(directory)));
                }
            }

            done = true;
            return manifest;
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
            if (!done)
            {
                // The target was empty: leave it empty again.
                foreach (var entry in Directory.EnumerateFileSystemEntries(dataDir).ToList())
                {
                    if (Directory.Exists(entry))
                    {
                        Directory.Delete(entry, recursive: true);
                    }
                    else
                    {
                        File.Delete(entry);
                    }
                }

                if (createdDataDir)
                {
                    Directory.Delete(dataDir);
                }
            }
        }
    }

    private static async Task<BackupManifest> UnpackAsync(string archive, string staging, CancellationToken cancellationToken)
    {
        try
        {
            await using (var stream = File.OpenRead(archive))
            await using (var gzip = new GZipStream(stream, CompressionMode.Decompress))
            await using (var tar = new TarReader(gzip))
            {
                while (await tar.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
                {
                    if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile))
                    {
                        throw new BackupException($"Unexpected entry {entry.Name} ({entry.EntryType}) in the archive.");
                    }

                    var name = entry.Name;
                    if (!(name == BackupManifest.EntryName || name.StartsWith("database/", StringComparison.Ordinal) || name.StartsWith("files/", StringComparison.Ordinal))
                        || name.Contains("..", StringComparison.Ordinal) || Path.IsPathRooted(name))
                    {
                        throw new BackupException($"Unexpected entry {name} in the archive.");
                    }

                    var target = Path.Combine(staging, name);
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    await entry.ExtractToFileAsync(target, overwrite: false, cancellationToken);
                }
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or FormatException or IOException and not FileNotFoundException)
        {
            throw new BackupException($"The archive is damaged or not a Minwon backup ({ex.Message}).", ex);
        }

        var manifestFile = Path.Combine(staging, BackupManifest.EntryName);
        if (!File.Exists(manifestFile))
        {
            throw new BackupException("The archive has no manifest: it is truncated or not a Minwon backup.");
        }

        BackupManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<BackupManifest>(await File.ReadAllBytesAsync(manifestFile, cancellationToken), BackupManifest.Json);
        }
        catch (JsonException ex)
        {
            throw new BackupException("The archive's manifest cannot be read.", ex);
        }

        if (manifest is not { Format: BackupManifest.FormatName } || manifest.Version > BackupManifest.CurrentVersion || manifest.Files is null)
        {
            throw new BackupException("The archive is not a Minwon backup of a version this release reads.");
        }

        foreach (var file in manifest.Files)
        {
            var path = Path.Combine(staging, file.Path);
            if (!File.Exists(path) || new FileInfo(path).Length != file.Length || await CreateBackup.HashAsync(path, cancellationToken) != file.Sha256)
            {
                throw new BackupException($"{file.Path} in the archive does not match its manifest: the archive is damaged.");
            }
        }

        return manifest;
    }

    private static async Task<long> TableCountAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')", connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
