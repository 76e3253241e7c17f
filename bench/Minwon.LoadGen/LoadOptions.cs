namespace Minwon.LoadGen;

/// <summary>One run's settings, already clamped to the generator's hard bounds.</summary>
public sealed record LoadOptions(
    int Conversations,
    int ChatsPerCounsellor,
    TimeSpan Duration,
    TimeSpan Warmup,
    TimeSpan Grace,
    TimeSpan SetupTimeout,
    string? Postgres,
    string? ServerDll,
    string OutputPath,
    bool SkipEcho,
    bool SkipMinwon,
    string? WorkRoot,
    IReadOnlyList<string> ServerSettings,
    int Nodes = 1,
    string? Redis = null,
    double IntervalSeconds = 1,
    double TargetP99Ms = 200)
{
    public const int MaxConversations = 2000;
    public const int MaxNodes = 3;
    public static readonly TimeSpan MaxDuration = TimeSpan.FromMinutes(10);

    public int Counsellors => (Conversations + ChatsPerCounsellor - 1) / ChatsPerCounsellor;

    /// <summary>Nothing may run past this, whatever happens: setup, both phases, grace and shutdown.</summary>
    /// <summary>Messages per second over all conversations at full load (each sends one per <see cref="IntervalSeconds"/>).</summary>
    public int MessagesPerSecond(int conversations) => Math.Max(1, (int)Math.Round(conversations / IntervalSeconds));

    public TimeSpan HardStop => SetupTimeout + 2 * (Warmup + Duration + Grace) + TimeSpan.FromMinutes(3);
}
