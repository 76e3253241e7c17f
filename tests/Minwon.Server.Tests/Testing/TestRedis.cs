namespace Minwon.Server.Tests.Testing;

/// <summary>The throwaway Redis that eng/test.sh starts on loopback (MINWON_TEST_REDIS), for the several-node tests.</summary>
public static class TestRedis
{
    public static string? Configuration => Environment.GetEnvironmentVariable("MINWON_TEST_REDIS");

    /// <summary>Skips the test, saying what is missing, when no Redis was started for this run.</summary>
    public static string Require()
    {
        Assert.SkipWhen(string.IsNullOrEmpty(Configuration), "MINWON_TEST_REDIS is not set (eng/test.sh starts a throwaway Redis and sets it).");
        return Configuration!;
    }
}
