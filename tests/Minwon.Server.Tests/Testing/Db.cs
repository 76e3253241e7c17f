namespace Minwon.Server.Tests.Testing;

/// <summary>The storage a test runs on; both are what production runs, neither is a stand-in.</summary>
public enum Db
{
    Sqlite,
    Postgres,
}
