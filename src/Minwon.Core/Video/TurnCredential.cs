using System.Security.Cryptography;
using System.Text;

namespace Minwon.Core.Video;

/// <summary>
/// A time-limited TURN credential in the "TURN REST API" scheme that coturn checks with <c>use-auth-secret</c> and
/// <c>static-auth-secret</c>: the user name is <c>expiry:user</c> (expiry in Unix seconds), the password is
/// base64(HMAC-SHA1(shared secret, user name)). coturn recomputes the password and refuses a name whose expiry has
/// passed, so Minwon never tells coturn about a user. SHA-1 is what the scheme (and coturn) fixes, not a choice here.
/// </summary>
public sealed record TurnCredential(string UserName, string Password, DateTimeOffset ExpiresAt)
{
    public static TurnCredential Issue(string sharedSecret, string user, DateTimeOffset now, TimeSpan lifetime)
    {
        ArgumentException.ThrowIfNullOrEmpty(sharedSecret);
        ArgumentException.ThrowIfNullOrEmpty(user);
        if (user.Contains(':', StringComparison.Ordinal))
        {
            throw new ArgumentException("The user part must not contain ':' (it separates the expiry).", nameof(user));
        }

        var expires = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds() + (long)Math.Ceiling(lifetime.TotalSeconds));
        var userName = $"{expires.ToUnixTimeSeconds()}:{user}";
        return new TurnCredential(userName, Sign(sharedSecret, userName), expires);
    }

    public static string Sign(string sharedSecret, string userName) =>
        Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(sharedSecret), Encoding.UTF8.GetBytes(userName)));

    /// <summary>What coturn does with a credential: the password matches and the expiry is still ahead.</summary>
    public static bool Verify(string sharedSecret, string userName, string password, DateTimeOffset now)
    {
        var colon = userName.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && long.TryParse(userName.AsSpan(0, colon), out var expiry) && expiry > now.ToUnixTimeSeconds()
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(sharedSecret, userName)), Encoding.ASCII.GetBytes(password));
    }
}
