using Npgsql;

namespace Minwon.Server.Tests.Testing;

/// <summary>
/// The throwaway PostgreSQL cluster eng/test.sh starts (MINWON_TEST_POSTGRES, a superuser on database "postgres").
/// Every app under test gets a database of its own, so tests never see each other's rows.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "MINWON_TEST_POSTGRES";

    public static string? AdminConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static void SkipUnlessAvailable() =>
        Assert.SkipWhen(AdminConnectionString is null,
            $"PostgreSQL test skipped: {Variable} is not set (eng/test.sh starts a throwaway PostgreSQL and sets it).");

    /// <summary>Creates an empty database and returns a connection string to it.</summary>
    public static async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken)
    {
        SkipUnlessAvailable();
        var name = "minwon_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        if (AdminConnectionString is null || name is null || !name.StartsWith("minwon_", StringComparison.Ordinal))
        {
            return;
        }

        try
        {
            await using var connection = new NpgsqlConnection(AdminConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException)
        {
            // The cluster is thrown away after the run anyway; a failed drop must not fail a test.
        }
    }
}
