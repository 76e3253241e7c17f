using System.CommandLine;
using Minwon.Server.Data;
using Minwon.Server.Features.Demo;
using Minwon.Server.Features.IssueAlerting;
using Minwon.Server.Features.Knowledge;
using Minwon.Server.Features.Reference;
using Minwon.Server.Features.TextSafety;

namespace Minwon.Server.Platform;

/// <summary>
/// The server executable doubles as the admin command line. Each capability contributes its own command
/// (kb, text, issues, ...); with no command, or with host arguments only, it serves.
/// </summary>
public static class MinwonCli
{
    /// <summary>Recursive on the root so every command accepts it.</summary>
    public static readonly Option<string?> DataDir = new("--data-dir")
    {
        Description = "Data directory for the SQLite database, search index and keys (default ./data)",
        Recursive = true,
    };

    public static async Task<int> RunAsync(string[] args)
    {
        // WebApplicationFactory and plain `dotnet Minwon.Server.dll --urls ...` start the host directly.
        if (args.Length == 0 || args[0].StartsWith('-') && args[0] is not ("--help" or "-h" or "-?" or "--version" or "--data-dir"))
        {
            return await ServeAsync(args, CancellationToken.None);
        }

        var root = new RootCommand("Minwon: a self-hosted smart contact center for a city's citizen hotline (민원 상담).");
        root.Options.Add(DataDir);
        root.Subcommands.Add(CreateServeCommand());
        root.Subcommands.Add(CreateMigrateCommand());
        root.Subcommands.Add(DemoCli.Create());
        root.Subcommands.Add(Features.Staff.StaffCli.Create());
        root.Subcommands.Add(KnowledgeCli.Create());
        root.Subcommands.Add(TextSafetyCli.Create());
        root.Subcommands.Add(AccessLogCli.Create());
        root.Subcommands.Add(Features.Assistant.AssistantEndpoints.CreateTrainCommand());
        root.Subcommands.Add(IssueAlertingCli.Create());
        root.Subcommands.Add(Features.VisualArs.ArsCli.Create());
        root.Subcommands.Add(Features.Analytics.AnalyticsCli.Create());
        root.Subcommands.Add(Features.Speech.SpeechCli.Create());
        root.Subcommands.Add(Features.Quality.QualityCli.Create());
        root.Subcommands.Add(Features.Languages.LanguageCli.Create());
        foreach (var command in Features.Operations.OperationsCli.Create())
        {
            root.Subcommands.Add(command);
        }

        return await root.Parse(args).InvokeAsync();
    }

    /// <summary>Host arguments for a command: the data directory becomes configuration.</summary>
    public static string[] HostArgs(ParseResult parse, IEnumerable<string>? extra = null)
    {
        var list = new List<string>(extra ?? []);
        if (parse.GetValue(DataDir) is { Length: > 0 } dir)
        {
            list.Add($"--{MinwonOptions.Section}:DataDir={dir}");
        }

        return [.. list];
    }

    /// <summary>Builds the application for a command (no web server), migrated and with reference data.</summary>
    public static async Task<WebApplication> OpenAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var app = MinwonHost.Build(HostArgs(parse), commandLine: true);
        await PrepareDatabaseAsync(app.Services, cancellationToken);
        return app;
    }

    /// <summary>The lease a process holds while it migrates and seeds (see <see cref="PrepareDatabaseAsync"/>).</summary>
    public const string SetupLease = "database-setup";

    /// <summary>Migrates and seeds the reference data (see the overload).</summary>
    public static Task PrepareDatabaseAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        PrepareDatabaseAsync(services, demoData: false, cancellationToken);

    /// <summary>
    /// Migrates and seeds the reference data (and the demo data when asked). Several nodes may start at once on one
    /// PostgreSQL database: they take turns through the <see cref="SetupLease"/> (an advisory lock inside the database, so
    /// the database is created first when it does not exist yet). EF Core's own migration lock did not stop two of three
    /// nodes started together on an empty database from applying the same migration and failing ("relation already exists").
    /// </summary>
    public static async Task PrepareDatabaseAsync(IServiceProvider services, bool demoData, CancellationToken cancellationToken)
    {
        await DataServices.EnsureDatabaseAsync(services, cancellationToken);
        await using var setup = await services.GetRequiredService<Leases.ILeases>().AcquireAsync(SetupLease, cancellationToken);
        await DataServices.MigrateAsync(services, cancellationToken);
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SeedReferenceData>().RunAsync(cancellationToken);
            await scope.ServiceProvider.GetRequiredService<Features.Routing.SeedDefaultQueues>().RunAsync(cancellationToken);
        }

        if (demoData)
        {
            await DemoCli.SeedAsync(services, cancellationToken);
        }
    }

    private static async Task<int> ServeAsync(string[] hostArgs, CancellationToken cancellationToken)
    {
        var app = MinwonHost.Build(hostArgs);
        await app.RunAsync(cancellationToken);
        return 0;
    }

    private static Command CreateServeCommand()
    {
        var serve = new Command("serve", "Run the web server (staff UI, citizen pages, API). Other arguments go to ASP.NET Core, e.g. --urls.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        serve.SetAction((parse, ct) => ServeAsync(HostArgs(parse, parse.UnmatchedTokens), ct));
        return serve;
    }

    private static Command CreateMigrateCommand()
    {
        var migrate = new Command("migrate", "Apply database migrations and load reference data, then exit.");
        migrate.SetAction(async (parse, ct) =>
        {
            await using var app = await OpenAsync(parse, ct);
            await Console.Out.WriteLineAsync("Database is up to date.");
            return 0;
        });
        return migrate;
    }
}
