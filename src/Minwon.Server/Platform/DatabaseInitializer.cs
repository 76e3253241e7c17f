using Minwon.Server.Features.Demo;

namespace Minwon.Server.Platform;

/// <summary>
/// Migrates and seeds before anything else starts (registered first), whether the host runs from the CLI,
/// a test factory or a service manager. Several nodes may start at once on one PostgreSQL database: they take turns
/// through the "database-setup" lease (an advisory lock). EF Core's own migration lock did not stop two of three nodes
/// started together on an empty database from applying the same migration and failing ("relation already exists").
/// </summary>
public sealed class DatabaseInitializer(IServiceProvider services, IHostEnvironment environment,
    Microsoft.Extensions.Options.IOptions<MinwonOptions> options) : IHostedService
{
    /// <summary>The lease held while a process migrates and seeds.</summary>
    public const string Lease = "database-setup";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await Data.DataServices.EnsureDatabaseAsync(services, cancellationToken);
        await using var setup = await services.GetRequiredService<Leases.ILeases>().AcquireAsync(Lease, cancellationToken);
        await MinwonCli.MigrateAndSeedAsync(services, cancellationToken);
        if (options.Value.SeedDemoData || environment.IsDevelopment())
        {
            await DemoCli.SeedAsync(services, cancellationToken);
            DemoCli.PrintLogins(Console.Out);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
