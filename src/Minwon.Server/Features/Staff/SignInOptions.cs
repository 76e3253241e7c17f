namespace Minwon.Server.Features.Staff;

/// <summary>Settings under "Minwon:SignIn": how the staff sign-in resists guessing (docs/security.md).</summary>
public sealed class SignInOptions
{
    public const string Section = "Minwon:SignIn";

    /// <summary>Sign-in posts one client address may make per minute (ASP.NET Core rate limiting, token bucket).
    /// A center whose counsellors share one office address may raise it.</summary>
    public int AttemptsPerMinutePerAddress { get; set; } = 60;

    /// <summary>Wrong passwords one address may try for one account name before it must wait.</summary>
    public int FreeFailures { get; set; } = 5;

    /// <summary>The first wait after the free failures; it doubles with every further failure.</summary>
    public int BackoffSeconds { get; set; } = 30;

    public int MaxBackoffMinutes { get; set; } = 15;

    /// <summary>Failures from all addresses together that lock the account itself until it expires or an
    /// administrator unlocks it (a distributed attack); one address alone only ever delays itself.</summary>
    public int AccountLockoutFailures { get; set; } = 50;

    public int AccountLockoutMinutes { get; set; } = 15;
}
