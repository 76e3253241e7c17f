using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Minwon.Core.IssueAlerting;

namespace Minwon.Server.Features.IssueAlerting;

/// <summary>The JSON-lines shapes of the issue alerter: contact events in, alerts and ground truth out.</summary>
public static class IssueJson
{
    /// <summary>camelCase, Korean left readable; property order is declaration order, which is the contract's order.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>
    /// Parses one line `{"time","text","category","district","channel"}`. A time without an offset is taken as the
    /// city's time. Returns null with a reason when the line cannot be an event.
    /// </summary>
    public static ContactEvent? ParseEvent(string line, out string? error, TimeZoneInfo? zone = null)
    {
        error = null;
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = "not a JSON object";
                return null;
            }

            if (!root.TryGetProperty("time", out var timeElement) || timeElement.ValueKind != JsonValueKind.String || !TryParseTime(timeElement.GetString()!, out var time, zone))
            {
                error = "missing or unreadable \"time\"";
                return null;
            }

            if (!root.TryGetProperty("text", out var textElement) || textElement.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            {
                error = "missing or non-string \"text\"";
                return null;
            }

            return new ContactEvent(time, textElement.GetString() ?? "", Optional(root, "category"), Optional(root, "district"), Optional(root, "channel"));
        }
        catch (JsonException)
        {
            error = "not valid JSON";
            return null;
        }
    }

    /// <param name="zone">The zone of a time without offset: the city's (<see cref="Platform.CityClock"/>), its default offline.</param>
    public static bool TryParseTime(string value, out DateTimeOffset time, TimeZoneInfo? zone = null)
    {
        var hasOffset = value.Length > 10 && (value.EndsWith('Z') || value.EndsWith("z", StringComparison.Ordinal) || value.LastIndexOfAny(['+', '-']) > 10);
        if (!DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out time))
        {
            return false;
        }

        if (!hasOffset)
        {
            time = new DateTimeOffset(time.DateTime, (zone ?? Platform.CityClock.DefaultZone).GetUtcOffset(time.DateTime));
        }

        return true;
    }

    private static string? Optional(JsonElement root, string name) =>
        !root.TryGetProperty(name, out var element) ? null : element.ValueKind switch
        {
            JsonValueKind.String => string.IsNullOrWhiteSpace(element.GetString()) ? null : element.GetString(),
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => element.GetRawText(),
        };
}
