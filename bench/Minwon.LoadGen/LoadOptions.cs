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
    double TargetP99Ms = 200,
    IReadOnlyDictionary<string, int>? Watch = null)
{
    public const int MaxConversations = 2000;
    public const int MaxNodes = 3;
    public static readonly TimeSpan MaxDuration = TimeSpan.FromMinutes(10);

    public int Counsellors => (Conversations + ChatsPerCounsellor - 1) / ChatsPerCounsellor;

    /// <summary>Nothing may run past this, whatever happens: setup, both phases, grace and shutdown.</summary>
    /// <summary>Messages per second over all conversations at full load (each sends one per <see cref="IntervalSeconds"/>).</summary>
    public int MessagesPerSecond(int conversations) => Math.Max(1, (int)Math.Round(conversations / IntervalSeconds));

    /// <remarks>
    /// Seeding, signing in and joining grow with the run (about 3 minutes for 2,000 conversations on three nodes on 2
    /// cores, 2026-12-06), and the echo phase opens every connection again: the margin grows with the size. The first
    /// 2,000 × 3-node run was stopped by a fixed 3-minute margin in its echo phase, losing its figures.
    /// </remarks>
    public TimeSpan HardStop => SetupTimeout + 2 * (Warmup + Duration + Grace) + TimeSpan.FromMinutes(3 + Conversations / 200.0 * Nodes);
}
