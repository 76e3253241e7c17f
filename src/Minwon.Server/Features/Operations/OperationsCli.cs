using System.CommandLine;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Minwon.Server.Data;
using Minwon.Server.Features.Knowledge;
using Minwon.Server.Platform;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Operations;

/// <summary>
/// <c>minwon backup --out FILE</c>, <c>minwon restore FILE</c>, <c>minwon retention run [--dry-run]</c>
/// (docs/operations.md). Exit 0 done, 2 bad input (the message says what; nothing was changed).
/// </summary>
public static class OperationsCli
{
    private static readonly JsonSerializerOptions Lines = new(JsonSerializerDefaults.Web);

    public static IEnumerable<Command> Create() => [Backup(), Restore(), Retention()];

    private static Command Backup()
    {
        var output = new Option<string>("--out") { Description = "archive to write (.tar.gz); never overwritten", Required = true };
        var backup = new Command("backup", "Write a consistent backup of the database and the data directory's files while the server runs.") { output };
        backup.SetAction(async (parse, ct) =>
        {
            await using var app = MinwonHost.Build(MinwonCli.HostArgs(parse), commandLine: true);
            return await GuardAsync("backup", async () =>
            {
                var manifest = await ActivatorUtilities.CreateInstance<CreateBackup>(app.Services).RunAsync(parse.GetValue(output)!, ct);
                await Console.Out.WriteLineAsync(
                    $"Backup written: {manifest.Provider} database and {manifest.Files.Count - 1} files, {manifest.Files.Sum(f => f.Length)} bytes before compression.");
            });
        });
        return backup;
    }

    private static Command Restore()
    {
        var file = new Argument<string>("FILE") { Description = "archive written by minwon backup" };
        var restore = new Command("restore", "Restore a backup into an empty data directory (and empty PostgreSQL database), then rebuild the search index.") { file };
        restore.SetAction(async (parse, ct) =>
        {
            await using var app = MinwonHost.Build(MinwonCli.HostArgs(parse), commandLine: true);
            return await GuardAsync("restore", async () =>
            {
                var manifest = await ActivatorUtilities.CreateInstance<RestoreBackup>(app.Services).RunAsync(parse.GetValue(file)!, ct);
                // A backup of an older release is brought up to date; the index and the warehouse are rebuilt from the rows.
                await MinwonCli.PrepareDatabaseAsync(app.Services, ct);
                await using var scope = app.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<MinwonDbContext>();
                await db.Set<EventCursor>().Where(c => c.Name == "warehouse").ExecuteDeleteAsync(ct);
                var indexed = await app.Services.GetRequiredService<KnowledgeSearch>().ReindexAsync(ct);
                var messages = await db.Set<Conversations.Message>().LongCountAsync(ct);
                await Console.Out.WriteLineAsync(
                    $"Restored the {manifest.Provider} backup of {manifest.CreatedAt:u}: {messages} messages, {manifest.Files.Count - 1} files; {indexed} articles indexed.");
            });
        });
        return restore;
    }

    private static Command Retention()
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "only count what would go" };
        var run = new Command("run", "Apply the retention policies now (Minwon:Retention); each purge is written to the access log.") { dryRun };
        run.SetAction(async (parse, ct) =>
        {
            await using var app = await MinwonCli.OpenAsync(parse, ct);
            await using var scope = app.Services.CreateAsyncScope();
            var results = await scope.ServiceProvider.GetRequiredService<RunRetention>().RunAsync(parse.GetValue(dryRun), ct);
            foreach (var result in results)
            {
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(result, Lines));
            }

            return 0;
        });
        var retention = new Command("retention", "Retention of messages, transcripts, recordings and uploads.");
        retention.Subcommands.Add(run);
        return retention;
    }

    private static async Task<int> GuardAsync(string command, Func<Task> work)
    {
        try
        {
            await work();
            return 0;
        }
        catch (BackupException ex)
        {
            await Console.Error.WriteLineAsync($"{command}: {ex.Message}");
            return 2;
        }
    }
}
