using System.Security.Cryptography;
using System.Text;

namespace Minwon.Server.Platform;

/// <summary>
/// Compares a configured shared key (an API key, a webhook token, a scrape key) with the one a caller presented, in
/// time that depends on neither: both are hashed first, so not even the length leaks. An empty configured key
/// matches nothing, which is how a feature's endpoint stays shut until an administrator sets its key.
/// </summary>
public static class SharedKey
{
    public static bool Matches(string? configured, string? presented) =>
        configured is { Length: > 0 } && presented is { Length: > 0 } && CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(configured)), SHA256.HashData(Encoding.UTF8.GetBytes(presented)));
}
