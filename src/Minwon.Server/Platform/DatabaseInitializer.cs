using Minwon.Server.Features.Demo;

namespace Minwon.Server.Platform;

/// <summary>
/// Migrates and seeds before anything else starts (registered first), whether the host runs from the CLI,
/// a test factory or a service manager; several nodes may start at once (<see cref="MinwonCli.PrepareDatabaseAsync"/>).
/// </summary>
public sealed class DatabaseInitializer(IServiceProvider services, IHostEnvironment environment,
    Microsoft.Extensions.Options.IOptions<MinwonOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var demo = options.Value.SeedDemoData || environment.IsDevelopment();
        await MinwonCli.PrepareDatabaseAsync(services, demo, cancellationToken);
        if (demo)
        {
            DemoCli.PrintLogins(Console.Out);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
