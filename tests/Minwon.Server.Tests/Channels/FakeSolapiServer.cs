using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Minwon.Server.Tests.Testing;

namespace Minwon.Server.Tests.ChannelAdapters;

/// <summary>One message the fake SOLAPI accepted: its body's fields and the id it gave.</summary>
public sealed record SolapiPost(string To, string From, string Text, string Type, string? MinwonId, string MessageId);

/// <summary>
/// A FAKE of SOLAPI's message API (솔라피, docs.solapi.com), a real HTTP server on a free loopback port that checks what the
/// published documentation requires of <c>POST /messages/v4/send</c>: the header
/// <c>Authorization: HMAC-SHA256 apiKey=…, date=…, salt=…, signature=…</c> (the known key; an ISO-8601 date within 15 minutes of
/// its clock; a salt of 12 to 64 characters; the signature = hex HMAC-SHA256 of date + salt under the secret; a signature used
/// before is refused as DuplicatedSignature), all answered 403 with SOLAPI's error codes; and the body
/// <c>{"message": {"to", "from", "text", "type"?}}</c> with numbers as digits. It answers like the documented sample
/// (<c>statusCode "2000"</c>, a messageId) and sends nothing to anyone.
/// </summary>
public sealed partial class FakeSolapiServer : IAsyncDisposable
{
    public const string ApiKey = "NCSFAKEKEY0120";
    public const string ApiSecret = "fake-solapi-secret-for-tests";

    private WebApplication app = null!;
    private readonly ConcurrentDictionary<string, bool> usedSignatures = new();
    private readonly ConcurrentDictionary<string, int> failuresFor = new();
    private readonly ConcurrentDictionary<string, string> refusalsFor = new();

    /// <summary>The fake's clock (the app's fake clock in tests), for the 15-minute window.</summary>
    public Func<DateTimeOffset> Clock { get; set; } = () => TimeProvider.System.GetUtcNow();

    public ConcurrentQueue<SolapiPost> Accepted { get; } = new();

    /// <summary>Why requests were refused (SOLAPI's error code and what was wrong).</summary>
    public ConcurrentQueue<string> Rejected { get; } = new();

    public string BaseUrl { get; private set; } = "";

    /// <summary>The next <paramref name="count"/> sends to <paramref name="to"/> (digits) are answered 503 (an outage).</summary>
    public void FailNextTo(string to, int count) => failuresFor[to] = count;

    /// <summary>Sends to <paramref name="to"/> are taken but not accepted: 200 with this statusCode (e.g. 3059, a forged sender number).</summary>
    public void RefuseTo(string to, string statusCode) => refusalsFor[to] = statusCode;

    public static async Task<FakeSolapiServer> StartAsync()
    {
        var fake = new FakeSolapiServer();
        fake.app = await LoopbackWebApp.StartAsync(app => app.MapPost("/messages/v4/send", (Delegate)fake.SendAsync));
        fake.BaseUrl = fake.app.Urls.Single();
        return fake;
    }

    private async Task<IResult> SendAsync(HttpContext http)
    {
        if (Authorize(http.Request.Headers.Authorization.ToString()) is { } refused)
        {
            Rejected.Enqueue(refused);
            return Results.Json(new { errorCode = refused.Split(':')[0], errorMessage = refused }, statusCode: 403);
        }

        JsonElement message;
        using var json = await JsonDocument.ParseAsync(http.Request.Body);
        if (!json.RootElement.TryGetProperty("message", out message) || message.ValueKind != JsonValueKind.Object
            || Field(message, "to") is not { } to || Field(message, "from") is not { } from || Field(message, "text") is not { } text
            || !to.All(char.IsAsciiDigit) || !from.All(char.IsAsciiDigit) || to.Length < 3 || from.Length < 3)
        {
            Rejected.Enqueue("ValidationError: message.to, from (digits) and text are required");
            return Results.Json(new { errorCode = "ValidationError", errorMessage = "to, from, text" }, statusCode: 400);
        }

        var type = Field(message, "type") ?? "SMS";
        if (type is not ("SMS" or "LMS" or "MMS"))
        {
            Rejected.Enqueue("ValidationError: type " + type);
            return Results.Json(new { errorCode = "ValidationError", errorMessage = "type" }, statusCode: 400);
        }

        if (failuresFor.TryGetValue(to, out var left) && left > 0 && failuresFor.TryUpdate(to, left - 1, left))
        {
            return Results.StatusCode(503);
        }

        var id = "M4V" + Guid.NewGuid().ToString("N")[..29].ToUpperInvariant();
        if (refusalsFor.TryGetValue(to, out var code))
        {
            return Results.Json(new { groupId = "G4V" + id[3..], to, from, type, statusMessage = "발신번호 미등록", country = "82", messageId = id, statusCode = code,
                accountId = "12925149" });
        }

        var minwonId = message.TryGetProperty("customFields", out var custom) && custom.ValueKind == JsonValueKind.Object ? Field(custom, "minwonId") : null;
        Accepted.Enqueue(new SolapiPost(to, from, text, type, minwonId, id));
        return Results.Json(new { groupId = "G4V" + id[3..], to, from, type, statusMessage = "정상 접수(이통사로 접수 예정) ", country = "82", messageId = id,
            statusCode = "2000", accountId = "12925149" });
    }

    private string? Authorize(string header)
    {
        var m = AuthorizationHeader().Match(header);
        if (!m.Success)
        {
            return "InvalidAuthorization: " + (header.Length == 0 ? "no header" : "not HMAC-SHA256 apiKey=, date=, salt=, signature=");
        }

        var (key, date, salt, signature) = (m.Groups["key"].Value, m.Groups["date"].Value, m.Groups["salt"].Value, m.Groups["signature"].Value);
        if (key != ApiKey)
        {
            return "InvalidAPIKey: " + key;
        }

        if (!DateTimeOffset.TryParse(date, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            || (at - Clock()).Duration() > TimeSpan.FromMinutes(15))
        {
            return "RequestTimeTooSkewed: " + date;
        }

        if (salt.Length is < 12 or > 64)
        {
            return "InvalidAuthorization: salt of " + salt.Length;
        }

        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(ApiSecret), Encoding.UTF8.GetBytes(date + salt)));
        if (!string.Equals(expected, signature, StringComparison.Ordinal))
        {
            return "SignatureDoesNotMatch";
        }

        return usedSignatures.TryAdd(signature, true) ? null : "DuplicatedSignature";
    }

    private static string? Field(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    [GeneratedRegex("^HMAC-SHA256 apiKey=(?<key>[^,\\s]+), date=(?<date>[^,\\s]+), salt=(?<salt>[^,\\s]+), signature=(?<signature>[0-9a-f]+)$")]
    private static partial Regex AuthorizationHeader();

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
