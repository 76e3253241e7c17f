using System.Text.Json;

namespace Minwon.Server.Features.Operations;

/// <summary>
/// The last entry of a backup archive (<c>manifest.json</c>): what the archive holds, with a SHA-256 of every file, so a
/// restore can tell a whole archive from a damaged or truncated one before it writes anything.
/// </summary>
public sealed record BackupManifest(string Format, int Version, string Provider, DateTimeOffset CreatedAt, IReadOnlyList<BackupFile> Files)
{
    public const string FormatName = "minwon-backup";
    public const int CurrentVersion = 1;
    public const string EntryName = "manifest.json";
    public const string SqliteEntry = "database/minwon.db";
    public const string PostgresEntry = "database/postgres.dump";

    /// <summary>Directories of the data directory that a backup carries (the search index, TTS cache and warehouse are rebuilt).</summary>
    public static readonly string[] DataDirectories = ["recordings", "uploads", "models", "issues"];

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}

public sealed record BackupFile(string Path, long Length, string Sha256);

/// <summary>Bad input to backup or restore: a message for the operator and the exit code (2).</summary>
public sealed class BackupException(string message, Exception? inner = null) : Exception(message, inner);
