using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Minwon.Server.Platform;

namespace Minwon.Server.Tests;

/// <summary>Boots the real app on a fresh SQLite database in a temporary data directory.</summary>
public class SqliteAppFactory : WebApplicationFactory<Program>
{
    public string DataDir { get; } = Directory.CreateTempSubdirectory("minwon-test-").FullName;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting($"{MinwonOptions.Section}:DataDir", DataDir);
        // A free port: the default 127.0.0.1:9092 may be held by another test run on the same machine, and readiness
        // includes the AudioSocket listener.
        builder.UseSetting("Minwon:Voice:AudioSocket:Listen", "127.0.0.1:0");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment on pooled connections; the OS temp dir is cleaned anyway.
        }
    }
}
