using System.Security.Cryptography;
using System.Text;

namespace Minwon.Server.Features.ChannelAdapters;

/// <summary>
/// Contact keys from verified identifiers, as hashes so the key itself reveals nothing: a phone number is the same
/// key whether the citizen calls (Features/Voice) or texts, so both land on one contact and its history.
/// </summary>
public static class ContactKeys
{
    public static string Phone(string number) => "tel:" + Hash(PhoneDigits(number));

    public static string Email(string address) => "mailto:" + Hash(address.Trim().ToLowerInvariant());

    /// <summary>A messenger's user id (TalkTalk user, Kakao user_key, X user id): stable per citizen and per our account.</summary>
    public static string Messenger(string scheme, string userId) => scheme + ":" + Hash(userId);

    /// <summary>Digits of a phone number in national form (+82 10 ... and 010 ... are the same number).</summary>
    public static string PhoneDigits(string number)
    {
        var digits = new string(number.Where(char.IsAsciiDigit).ToArray());
        return digits.StartsWith("82", StringComparison.Ordinal) && digits.Length > 9 ? "0" + digits[2..] : digits;
    }

    /// <summary>The form an address is compared and opted out in: phone digits, or a lower-case e-mail address.</summary>
    public static string AddressKey(string channel, string address) =>
        channel == Conversations.Channels.Email ? address.Trim().ToLowerInvariant() : PhoneDigits(address);

    private static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
