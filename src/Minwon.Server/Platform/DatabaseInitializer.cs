using Minwon.Server.Features.Demo;

namespace Minwon.Server.Platform;

/// <summary>
/// Migrates and seeds before anything else starts (registered first), whether the host runs from the CLI,
/// a test factory or a service manager. EF Core takes a migration lock, so several nodes may start at once.
/// </summary>
public sealed class DatabaseInitializer(IServiceProvider services, IHostEnvironment environment,
    Microsoft.Extensions.Options.IOptions<MinwonOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await MinwonCli.PrepareDatabaseAsync(services, cancellationToken);
        if (options.Value.SeedDemoData || environment.IsDevelopment())
        {
            await DemoCli.SeedAsync(services, cancellationToken);
            DemoCli.PrintLogins(Console.Out);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
