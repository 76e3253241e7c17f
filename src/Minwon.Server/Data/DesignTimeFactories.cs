using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Minwon.Server.Data;

/// <summary>Used only by `dotnet ef migrations add`; the connection strings never reach a running server.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteMinwonDbContext>
{
    public SqliteMinwonDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteMinwonDbContext>().UseSqlite("Data Source=design.db").Options);
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresMinwonDbContext>
{
    public PostgresMinwonDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresMinwonDbContext>().UseNpgsql("Host=localhost;Database=minwon_design").Options);
}
