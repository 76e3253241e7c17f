using Minwon.Server.Data;

namespace Minwon.Server.Tests.Platform;

/// <summary>The PostgreSQL connection string gets Npgsql's automatic preparation unless it chose otherwise (issue 10).</summary>
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
    public void A_connection_string_that_sets_auto_prepare_is_left_as_it_is(string given) =>
        Assert.Equal(given, DataServices.WithPreparedStatements(given));
}
