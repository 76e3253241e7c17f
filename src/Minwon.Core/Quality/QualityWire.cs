using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Minwon.Core.Quality;

/// <summary>
/// The line format of `minwon qa score`: one consultation per JSON line in, one result per line out, in order.
/// Input: {"id", "channel": "phone"|"chat", "queueSeconds", "turns": [{"speaker", "text", "offsetSeconds"}]}, plus the
/// optional record facts "abandonedAttempts", "transfers" and "holds": [{"startSeconds", "seconds", "announced"}].
/// Output: {"id", "scores": {"greeting", "attitude", "handling", "reachability", "closing"}, "total", "findings":
/// [{"area", "item", "turn", "passed"}]}. A line that cannot be read gives {"id", "error"} so the order holds.
/// </summary>
public static class QualityWire
{
    /// <summary>More turns than this is not a consultation; the line is refused rather than scored slowly.</summary>
    public const int MaxTurns = 50_000;

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Reads one input line. Problems that still allow scoring are added to <paramref name="warnings"/>.</summary>
    /// <exception cref="FormatException">The line is not a JSON object describing a consultation.</exception>
    public static ConsultationRecord Parse(string line, List<string> warnings)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            throw new FormatException($"not JSON ({e.Message.Split('.')[0]})", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("not a JSON object");
            }

            var id = ReadId(root, warnings);
            var channel = ReadChannel(root, warnings);
            var turns = ReadTurns(root, warnings);
            return new ConsultationRecord(id, channel, turns)
            {
                QueueSeconds = ReadQueue(root, warnings),
                AbandonedAttempts = ReadCount(root, "abandonedAttempts", warnings),
                Transfers = ReadCount(root, "transfers", warnings),
                Holds = ReadHolds(root, warnings),
            };
        }
    }

    /// <summary>The id of a line that failed to parse, when it can still be read, so the error line names it.</summary>
    public static string? TryReadId(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("id", out var id)
                ? id.ValueKind == JsonValueKind.String ? id.GetString() : id.GetRawText()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string Format(QualityResult result)
    {
        using var buffer = new MemoryStream(256 + result.Findings.Count * 64);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("id", result.Id);
            json.WriteStartObject("scores");
            foreach (var area in QualityAreas.All)
            {
                json.WriteNumber(area.WireName(), result.Scores[area]);
            }

            json.WriteEndObject();
            json.WriteNumber("total", result.Total);
            json.WriteStartArray("findings");
            foreach (var f in result.Findings)
            {
                json.WriteStartObject();
                json.WriteString("area", f.Area.WireName());
                json.WriteString("item", f.Item);
                if (f.Turn is { } turn)
                {
                    json.WriteNumber("turn", turn);
                }
                else
                {
                    json.WriteNull("turn");
                }

                json.WriteBoolean("passed", f.Passed);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    public static string FormatError(string? id, string error)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            if (id is null)
            {
                json.WriteNull("id");
            }
            else
            {
                json.WriteString("id", id);
            }

            json.WriteString("error", error);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Maps the speaker names transcripts use to the three the scorer knows.</summary>
    public static Speaker ParseSpeaker(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "counsellor" or "counselor" or "agent" or "staff" or "operator" or "상담사" or "상담원" => Speaker.Counsellor,
        "citizen" or "customer" or "caller" or "user" or "client" or "민원인" or "시민" or "고객" => Speaker.Citizen,
        _ => Speaker.Other,
    };

    private static string ReadId(JsonElement root, List<string> warnings)
    {
        if (!root.TryGetProperty("id", out var id) || id.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            warnings.Add("no id");
            return "";
        }

        return id.ValueKind == JsonValueKind.String ? id.GetString() ?? "" : id.GetRawText();
    }

    private static ConsultationChannel ReadChannel(JsonElement root, List<string> warnings)
    {
        var name = root.TryGetProperty("channel", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
        switch (name?.Trim().ToLowerInvariant())
        {
            case "phone" or "voice" or "call" or "전화":
                return ConsultationChannel.Phone;
            case "chat" or "채팅" or "web" or "webchat":
                return ConsultationChannel.Chat;
            default:
                warnings.Add($"channel '{name}' is neither phone nor chat; read as chat");
                return ConsultationChannel.Chat;
        }
    }

    private static double? ReadQueue(JsonElement root, List<string> warnings)
    {
        if (!root.TryGetProperty("queueSeconds", out var q) || q.ValueKind == JsonValueKind.Null)
        {
            warnings.Add("no queueSeconds; queue items not scored");
            return null;
        }

        if (ReadNumber(q) is not { } seconds)
        {
            warnings.Add("queueSeconds is not a number; queue items not scored");
            return null;
        }

        if (seconds < 0)
        {
            warnings.Add("negative queueSeconds read as 0");
            return 0;
        }

        return seconds;
    }

    private static List<ConsultationTurn> ReadTurns(JsonElement root, List<string> warnings)
    {
        if (!root.TryGetProperty("turns", out var array) || array.ValueKind != JsonValueKind.Array)
        {
            warnings.Add("no turns array");
            return [];
        }

        var count = array.GetArrayLength();
        if (count > MaxTurns)
        {
            throw new FormatException($"{count} turns is more than {MaxTurns}");
        }

        var turns = new List<ConsultationTurn>(count);
        var unknown = 0;
        var outOfOrder = 0;
        var last = double.NegativeInfinity;
        foreach (var t in array.EnumerateArray())
        {
            if (t.ValueKind != JsonValueKind.Object)
            {
                warnings.Add($"turn {turns.Count} is not an object; read as an empty turn of nobody");
                turns.Add(new ConsultationTurn(Speaker.Other, "", double.NaN));
                continue;
            }

            var speakerName = t.TryGetProperty("speaker", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
            var speaker = ParseSpeaker(speakerName);
            if (speaker == Speaker.Other)
            {
                unknown++;
            }

            var text = t.TryGetProperty("text", out var x) ? x.ValueKind == JsonValueKind.String ? x.GetString() ?? "" : "" : "";
            var offset = t.TryGetProperty("offsetSeconds", out var o) ? ReadNumber(o) ?? double.NaN : double.NaN;
            if (offset < last)
            {
                outOfOrder++;
            }

            if (double.IsFinite(offset))
            {
                last = Math.Max(last, offset);
            }

            turns.Add(new ConsultationTurn(speaker, text, offset));
        }

        if (unknown > 0)
        {
            warnings.Add($"{unknown} turn(s) by a speaker other than counsellor or citizen, not scored");
        }

        if (outOfOrder > 0)
        {
            warnings.Add($"{outOfOrder} turn(s) out of time order, read in offsetSeconds order");
        }

        return turns;
    }

    private static int? ReadCount(JsonElement root, string name, List<string> warnings)
    {
        if (!root.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (ReadNumber(v) is { } n && n >= 0 && n < int.MaxValue)
        {
            return (int)n;
        }

        warnings.Add($"{name} is not a count; ignored");
        return null;
    }

    private static List<HoldPeriod>? ReadHolds(JsonElement root, List<string> warnings)
    {
        if (!root.TryGetProperty("holds", out var array) || array.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var holds = new List<HoldPeriod>();
        foreach (var h in array.EnumerateArray())
        {
            if (h.ValueKind == JsonValueKind.Object && h.TryGetProperty("seconds", out var s) && ReadNumber(s) is { } seconds && seconds >= 0)
            {
                var start = h.TryGetProperty("startSeconds", out var st) ? ReadNumber(st) ?? 0 : 0;
                var announced = h.TryGetProperty("announced", out var a) && a.ValueKind == JsonValueKind.True;
                holds.Add(new HoldPeriod(start, seconds, announced));
            }
            else
            {
                warnings.Add("a hold without seconds was ignored");
            }
        }

        return holds;
    }

    private static double? ReadNumber(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetDouble(out var d) && double.IsFinite(d) => d,
        JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) => d,
        _ => null,
    };
}
