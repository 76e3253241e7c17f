using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Minwon.Server.Platform;

namespace Minwon.Server.Features.ChannelAdapters.Messengers;

/// <summary>What the messenger webhooks share: the raw body (signatures are over its bytes), HMAC checks, the JSON read after the check.</summary>
public static class MessengerWebhook
{
    public const int MaxBodyBytes = 256 * 1024;

    /// <summary>The body's bytes, at most <see cref="MaxBodyBytes"/> (a larger body is a 413 problem).</summary>
    public static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                throw new ProblemException(StatusCodes.Status413PayloadTooLarge, "요청이 너무 큽니다.", $"본문은 {MaxBodyBytes / 1024}KB 이하여야 합니다.");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>base64(HMAC-SHA256(secret, data)).</summary>
    public static string HmacBase64(string secret, byte[] data) => Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), data));

    /// <summary>
    /// Reads a webhook signed over its body bytes: the body (at most <see cref="MaxBodyBytes"/>), then the signature in
    /// <paramref name="header"/> compared in constant time with <paramref name="sign"/>(secret, body) (an empty secret
    /// refuses everything), then the JSON object, so a forged request learns nothing about what its body should be.
    /// </summary>
    public static async Task<JsonElement> ReadSignedAsync(HttpRequest request, string secret, string header, Func<string, byte[], string> sign,
        CancellationToken cancellationToken)
    {
        var body = await ReadBodyAsync(request, cancellationToken);
        if (!Platform.SharedKey.Matches(secret.Length > 0 ? sign(secret, body) : "", request.Headers[header].ToString()))
        {
            throw Unauthorized($"{header}가 본문의 HMAC-SHA256과 맞지 않습니다.");
        }

        return Parse(body);
    }

    public static ProblemException Unauthorized(string detail) => new(StatusCodes.Status401Unauthorized, "서명이 올바르지 않습니다.", detail);

    /// <summary>Parses the body once the signature or token matched.</summary>
    public static JsonElement Parse(byte[] body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object ? json.RootElement.Clone() : throw ProblemException.Invalid("본문은 JSON 객체여야 합니다.");
        }
        catch (JsonException e)
        {
            throw ProblemException.Invalid("JSON 본문을 읽을 수 없습니다: " + e.Message.Split('.')[0] + ".");
        }
    }

    public static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static JsonElement Object(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : default;

    /// <summary>A provider id we key contacts and idempotency on: 1–200 printable ASCII characters.</summary>
    public static string Id(string? value, string field) => value is { Length: > 0 and <= ChannelMessage.MaxExternalId } && value.All(c => c is > ' ' and < '\x7f')
        ? value : throw ProblemException.Invalid($"{field}: 1~{ChannelMessage.MaxExternalId}자의 식별자가 필요합니다.");

    /// <summary>
    /// A citizen's text from a messenger: at most 10,000 characters (longer is a 400), and no NUL (PostgreSQL cannot store
    /// it: accepted, it would fail in the inbound consumer after the provider was told it was taken).
    /// </summary>
    public static string Text(string? value, string field) => value is null ? throw ProblemException.Invalid($"{field}가 없습니다.")
        : value.Length > 10_000 ? throw ProblemException.Invalid($"{field}는 10,000자 이하여야 합니다.")
        : value.Contains('\0', StringComparison.Ordinal) ? throw ProblemException.Invalid($"{field}에 NUL 문자(\\u0000)가 있습니다.") : value;
}

/// <summary>A messenger's text limit in characters: a counsellor's longer reply is refused on the desk, a bot's cut with a link.</summary>
public static class MessengerText
{
    public static string? Check(string channelName, int maxChars, string text) => text.Length > maxChars
        ? $"{channelName} 상담은 한 번에 {maxChars:N0}자까지 보낼 수 있습니다. 지금 답변은 {text.Length:N0}자입니다. 나누어 보내 주세요."
        : null;

    public static string Fit(int maxChars, string text, string moreUrl)
    {
        if (text.Length <= maxChars)
        {
            return text;
        }

        var more = "\n… 전체 내용: " + moreUrl;
        var keep = Math.Max(0, maxChars - more.Length);
        // Never split a surrogate pair (an emoji) in half.
        if (keep > 0 && char.IsHighSurrogate(text[keep - 1]))
        {
            keep--;
        }

        return text[..keep].TrimEnd() + more;
    }
}
