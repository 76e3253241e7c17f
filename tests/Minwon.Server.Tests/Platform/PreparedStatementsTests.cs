using Minwon.Server.Data;

namespace Minwon.Server.Tests.Platform;

/// <summary>
/// The PostgreSQL connection string gets Npgsql's automatic preparation and skips the pool's session reset unless it chose
/// otherwise (issue 10).
/// </summary>
public sealed class PreparedStatementsTests
{
    [Fact]
    public void A_connection_string_without_auto_prepare_gets_it()
    {
        var csb = new Npgsql.NpgsqlConnectionStringBuilder(DataServices.WithPreparedStatements("Host=127.0.0.1;Port=5432;Username=minwon;Database=minwon"));
        Assert.Equal(100, csb.MaxAutoPrepare);
        Assert.Equal(3, csb.AutoPrepareMinUsages);
        Assert.Equal("127.0.0.1", csb.Host);
        Assert.Equal("minwon", csb.Database);
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Database=minwon;Max Auto Prepare=0")]
    [InlineData("Host=127.0.0.1;Database=minwon;MaxAutoPrepare=5")]
    [InlineData("Host=127.0.0.1;Database=minwon;Auto Prepare Min Usages=9")]
    [InlineData("Host=127.0.0.1;Database=minwon;max auto prepare=0")]
    public void A_connection_string_that_sets_auto_prepare_is_left_as_it_is(string given) =>
        Assert.Equal(given, DataServices.WithPreparedStatements(given));

    [Fact]
    public void A_connection_string_without_no_reset_on_close_gets_it()
    {
        var csb = new Npgsql.NpgsqlConnectionStringBuilder(DataServices.WithoutResetOnClose("Host=127.0.0.1;Port=5432;Username=minwon;Database=minwon"));
        Assert.True(csb.NoResetOnClose);
        Assert.Equal("127.0.0.1", csb.Host);
        Assert.Equal("minwon", csb.Database);
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Database=minwon;No Reset On Close=false")]
    [InlineData("Host=127.0.0.1;Database=minwon;NoResetOnClose=False")]
    [InlineData("Host=127.0.0.1;Database=minwon;no reset on close=true")]
    public void A_connection_string_that_sets_no_reset_on_close_is_left_as_it_is(string given) =>
        Assert.Equal(given, DataServices.WithoutResetOnClose(given));

    [Theory]
    [InlineData("Host=127.0.0.1;Database=minwon;Password=NoResetOnClose-AutoPrepare")]
    [InlineData("Host=127.0.0.1;Database=minwon;Application Name='max auto prepare; no reset on close'")]
    public void Words_in_a_value_are_not_a_setting(string given)
    {
        // The keys are read, not the whole text: a password or a name that contains the words still gets the defaults.
        var csb = new Npgsql.NpgsqlConnectionStringBuilder(DataServices.WithoutResetOnClose(DataServices.WithPreparedStatements(given)));
        Assert.True(csb.NoResetOnClose);
        Assert.Equal(100, csb.MaxAutoPrepare);
        Assert.Equal(new Npgsql.NpgsqlConnectionStringBuilder(given).Password, csb.Password);
        Assert.Equal(new Npgsql.NpgsqlConnectionStringBuilder(given).ApplicationName, csb.ApplicationName);
    }
}
