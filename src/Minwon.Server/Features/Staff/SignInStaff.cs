using System.Net;
using Microsoft.AspNetCore.Identity;
using Minwon.Server.Data;

namespace Minwon.Server.Features.Staff;

public enum SignInOutcome
{
    SignedIn,

    /// <summary>Wrong name or password, or an account locked: one answer, so names cannot be told apart.</summary>
    Invalid,

    /// <summary>This address tried this name too often; the same for names that exist and names that do not.</summary>
    Wait,
}

/// <summary>
/// The staff password sign-in: the per-address backoff first, then Identity (whose own lockout counts failures from
/// every address and is the backstop against a distributed attack). An unknown name costs the same password hash as
/// a known one, so the answer's timing does not tell them apart either.
/// </summary>
public sealed partial class SignInStaff(SignInManager<StaffUser> signIn, UserManager<StaffUser> users, IPasswordHasher<StaffUser> hasher,
    LoginThrottle throttle, ILogger<SignInStaff> logger)
{
    private static readonly Lazy<string> DecoyHash = new(() => new PasswordHasher<StaffUser>().HashPassword(new StaffUser(), "decoy-password-0"));

    public async Task<SignInOutcome> HandleAsync(string userName, string password, IPAddress? address)
    {
        var wait = throttle.WaitFor(address, userName);
        if (wait > TimeSpan.Zero)
        {
            LogWaiting(logger, (int)Math.Ceiling(wait.TotalSeconds));
            return SignInOutcome.Wait;
        }

        var user = await users.FindByNameAsync(userName);
        if (user is null)
        {
            hasher.VerifyHashedPassword(new StaffUser(), DecoyHash.Value, password);
            throttle.Failed(address, userName);
            return SignInOutcome.Invalid;
        }

        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            throttle.Succeeded(address, userName);
            return SignInOutcome.SignedIn;
        }

        if (result.IsLockedOut)
        {
            // Identity answers a locked account without hashing; hash anyway so the timing matches a wrong password.
            hasher.VerifyHashedPassword(user, DecoyHash.Value, password);
            LogLockedOut(logger, user.Id);
        }

        throttle.Failed(address, userName);
        return SignInOutcome.Invalid;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in refused: this address must wait {Seconds} s before trying that name again")]
    private static partial void LogWaiting(ILogger logger, int seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in refused: account {UserId} is locked out")]
    private static partial void LogLockedOut(ILogger logger, string userId);
}
