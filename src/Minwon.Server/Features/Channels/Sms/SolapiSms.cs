using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Minwon.Server.Features.ChannelAdapters.Sms;

/// <summary>SOLAPI (솔라피, formerly CoolSMS) message API v4: an API key and secret from its console.</summary>
public sealed class SolapiOptions
{
    public string ApiKey { get; set; } = "";

    public string ApiSecret { get; set; } = "";

    public string BaseUrl { get; set; } = "https://api.solapi.com";
}

/// <summary>
/// Sends one SMS/LMS through SOLAPI's single-message API, as its public documentation describes it
/// (docs.solapi.com: "단일 메시지" and "API Key 인증 방식"): <c>POST {BaseUrl}/messages/v4/send</c> with
/// <c>{"message": {"to", "from", "text", "type": "SMS"|"LMS", "customFields": {"minwonId": our messageId}}}</c> and
/// <c>Authorization: HMAC-SHA256 apiKey=…, date=ISO-8601, salt=random, signature=hex(HMAC-SHA256(secret, date + salt))</c>.
/// A fresh salt on every try (SOLAPI refuses a signature used twice within 15 minutes). Accepted when the answer's
/// <c>statusCode</c> is "2000" (정상 접수); another status code is a refusal. Numbers go as digits only ("01012345678").
/// </summary>
public static class SolapiSms
{
    public const string AcceptedStatus = "2000";

    /// <returns>SOLAPI's messageId.</returns>
    public static async Task<string?> SendAsync(HttpClient http, SolapiOptions o, OutboundDelivery delivery, TimeProvider clock, int timeoutSeconds,
        CancellationToken cancellationToken)
    {
        if (o.ApiKey.Length == 0 || o.ApiSecret.Length == 0)
        {
            throw new ChannelSendException("Minwon:Channels:Sms:Solapi:ApiKey or ApiSecret is not set", transient: true);
        }

        var body = new Dictionary<string, object>
        {
            ["message"] = new Dictionary<string, object>
            {
                ["to"] = Digits(delivery.To),
                ["from"] = Digits(delivery.From),
                ["text"] = delivery.Text,
                ["type"] = delivery.Kind == "sms" ? "SMS" : "LMS",
                // Our id travels with the message, so SOLAPI's message log can be matched with the outbox.
                ["customFields"] = new Dictionary<string, string> { ["minwonId"] = delivery.ExternalId.Length <= 100 ? delivery.ExternalId : delivery.ExternalId[..100] },
            },
        };
        var answer = await ChannelHttp.PostAsync(http, "SOLAPI", o.BaseUrl.TrimEnd('/') + "/messages/v4/send",
            r => r.Headers.TryAddWithoutValidation("Authorization", Authorization(o.ApiKey, o.ApiSecret, clock.GetUtcNow(), NewSalt())),
            body, timeoutSeconds, cancellationToken);
        string? status = null;
        string? message = null;
        string? id = null;
        try
        {
            using var json = JsonDocument.Parse(answer);
            if (json.RootElement.ValueKind == JsonValueKind.Object)
            {
                status = json.RootElement.TryGetProperty("statusCode", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
                message = json.RootElement.TryGetProperty("statusMessage", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
                id = json.RootElement.TryGetProperty("messageId", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString() : null;
            }
        }
        catch (JsonException)
        {
        }

        if (status != AcceptedStatus)
        {
            var why = $"SOLAPI did not accept the message (statusCode {status ?? "none"}{(message is { Length: > 0 } ? ": " + message.Trim() : "")})";
            throw new ChannelSendException(why.Length > 200 ? why[..200] : why, transient: false);
        }

        return id;
    }

    /// <summary>The header value: "HMAC-SHA256 apiKey=…, date=…, salt=…, signature=…" (signature: lower-case hex of HMAC-SHA256(secret, date + salt)).</summary>
    public static string Authorization(string apiKey, string apiSecret, DateTimeOffset now, string salt)
    {
        var date = now.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return $"HMAC-SHA256 apiKey={apiKey}, date={date}, salt={salt}, signature={Signature(apiSecret, date, salt)}";
    }

    public static string Signature(string apiSecret, string date, string salt) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(apiSecret), Encoding.UTF8.GetBytes(date + salt)));

    /// <summary>32 random hex characters (SOLAPI asks for 12 to 64).</summary>
    public static string NewSalt() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>"010-1234-5678" and "+82 10-1234-5678" both as "01012345678"; a short service number as its digits.</summary>
    public static string Digits(string number)
    {
        var digits = new string(number.Where(char.IsAsciiDigit).ToArray());
        return number.TrimStart().StartsWith('+') && digits.StartsWith("82", StringComparison.Ordinal) ? "0" + digits[2..] : digits;
    }
}
