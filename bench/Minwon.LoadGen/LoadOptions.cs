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
    IReadOnlyList<string> ServerSettings)
{
    public const int MaxConversations = 2000;
    public static readonly TimeSpan MaxDuration = TimeSpan.FromMinutes(10);

    public int Counsellors => (Conversations + ChatsPerCounsellor - 1) / ChatsPerCounsellor;

    /// <summary>Nothing may run past this, whatever happens: setup, both phases, grace and shutdown.</summary>
    public TimeSpan HardStop => SetupTimeout + 2 * (Warmup + Duration + Grace) + TimeSpan.FromMinutes(3);
}
