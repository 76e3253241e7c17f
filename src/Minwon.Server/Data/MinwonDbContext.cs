using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Minwon.Server.Data;

/// <summary>
/// The one model. Each feature contributes entity configurations (IEntityTypeConfiguration) in its own folder;
/// they are picked up from this assembly, so adding an entity never touches this file.
/// Provider-specific subclasses exist only so each provider keeps its own migrations.
/// </summary>
public abstract class MinwonDbContext(DbContextOptions options)
    : IdentityDbContext<StaffUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(MinwonDbContext).Assembly);
    }
}

public sealed class SqliteMinwonDbContext(DbContextOptions<SqliteMinwonDbContext> options) : MinwonDbContext(options)
{
    /// <summary>
    /// SQLite cannot compare or order DateTimeOffset text, so times are stored as UTC ticks (integers):
    /// every time Minwon writes is UTC already, and indexes on them then work as on PostgreSQL.
    /// </summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }

    private sealed class UtcTicksConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTimeOffset, long>(
        v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
}

public sealed class PostgresMinwonDbContext(DbContextOptions<PostgresMinwonDbContext> options) : MinwonDbContext(options)
{
    /// <summary>
    /// Npgsql writes a DateTimeOffset to timestamptz only with offset 0, and refuses a city time (+09:00) whether it is
    /// stored or compared in a query ("today" starts at the city's midnight). Every value is made UTC on the way in, as
    /// SQLite's converter does, so no caller has to remember it; PostgreSQL returns UTC either way.
    /// </summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcConverter>();
    }

    private sealed class UtcConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTimeOffset, DateTimeOffset>(
        v => v.ToUniversalTime(), v => v);

    /// <summary>Each event row records its writing transaction, so consumers read in commit-safe order (EventReader).</summary>
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<Platform.Events.EventLogEntry>().Property(e => e.TxId).HasDefaultValueSql("pg_current_xact_id()::text::bigint");
    }
}
