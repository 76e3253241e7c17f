using System.Text;
using System.Text.Json;

namespace Minwon.Core.Voice;

/// <summary>
/// Reads and writes the Twilio Media Streams JSON messages (events connected, start, media, dtmf, mark, stop in;
/// media, mark and clear out). Numbers arrive as strings in that protocol; both forms are accepted.
/// </summary>
public static class MediaStreamProtocol
{
    public static MediaStreamMessage Parse(ReadOnlySpan<byte> json)
    {
        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 8 });
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException)
        {
            throw new MediaStreamFormatException("The message is not JSON.");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("event", out var e) || e.ValueKind != JsonValueKind.String)
            {
                throw new MediaStreamFormatException("The message has no \"event\".");
            }

            var streamSid = Text(root, "streamSid");
            var sequence = Number(root, "sequenceNumber");
            switch (e.GetString())
            {
                case "connected":
                    return new MediaStreamMessage(MediaStreamEvent.Connected, streamSid, sequence);
                case "start":
                {
                    var start = Object(root, "start");
                    var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
                    if (start.TryGetProperty("customParameters", out var custom) && custom.ValueKind == JsonValueKind.Object)
                    {
                        foreach (var p in custom.EnumerateObject().Take(32))
                        {
                            if (p.Value.ValueKind == JsonValueKind.String)
                            {
                                parameters[p.Name] = p.Value.GetString()!;
                            }
                        }
                    }

                    string? encoding = null;
                    int? rate = null;
                    if (start.TryGetProperty("mediaFormat", out var format) && format.ValueKind == JsonValueKind.Object)
                    {
                        encoding = Text(format, "encoding");
                        rate = (int?)Number(format, "sampleRate");
                    }

                    return new MediaStreamMessage(MediaStreamEvent.Start, Text(start, "streamSid") ?? streamSid, sequence)
                    {
                        CallSid = Text(start, "callSid"),
                        CustomParameters = parameters,
                        Encoding = encoding,
                        SampleRate = rate,
                    };
                }

                case "media":
                {
                    var media = Object(root, "media");
                    var payload = Text(media, "payload") ?? throw new MediaStreamFormatException("A media message has no payload.");
                    byte[] bytes;
                    try
                    {
                        bytes = Convert.FromBase64String(payload);
                    }
                    catch (FormatException)
                    {
                        throw new MediaStreamFormatException("A media payload is not base64.");
                    }

                    return new MediaStreamMessage(MediaStreamEvent.Media, streamSid, sequence)
                    {
                        Track = Text(media, "track"), Chunk = Number(media, "chunk"), Timestamp = Number(media, "timestamp"), Payload = bytes,
                    };
                }

                case "dtmf":
                {
                    var digit = Text(Object(root, "dtmf"), "digit");
                    if (digit is not { Length: 1 } || !Dtmf.IsDigit(char.ToUpperInvariant(digit[0])))
                    {
                        throw new MediaStreamFormatException("A dtmf message has no valid digit.");
                    }

                    return new MediaStreamMessage(MediaStreamEvent.Dtmf, streamSid, sequence) { Digit = char.ToUpperInvariant(digit[0]) };
                }

                case "mark":
                    return new MediaStreamMessage(MediaStreamEvent.Mark, streamSid, sequence) { MarkName = Text(Object(root, "mark"), "name") };
                case "stop":
                    return new MediaStreamMessage(MediaStreamEvent.Stop, streamSid, sequence);
                default:
                    throw new MediaStreamFormatException("Unknown event.");
            }
        }
    }

    public static byte[] Media(string streamSid, byte[] mulaw) =>
        Write(w =>
        {
            w.WriteString("event", "media");
            w.WriteString("streamSid", streamSid);
            w.WriteStartObject("media");
            w.WriteBase64String("payload", mulaw);
            w.WriteEndObject();
        });

    public static byte[] Mark(string streamSid, string name) =>
        Write(w =>
        {
            w.WriteString("event", "mark");
            w.WriteString("streamSid", streamSid);
            w.WriteStartObject("mark");
            w.WriteString("name", name);
            w.WriteEndObject();
        });

    public static byte[] Clear(string streamSid) =>
        Write(w =>
        {
            w.WriteString("event", "clear");
            w.WriteString("streamSid", streamSid);
        });

    /// <summary>Messages a carrier sends, for test clients and the benchmark.</summary>
    public static byte[] CarrierStart(string streamSid, string callSid, IReadOnlyDictionary<string, string> parameters) =>
        Write(w =>
        {
            w.WriteString("event", "start");
            w.WriteString("sequenceNumber", "1");
            w.WriteString("streamSid", streamSid);
            w.WriteStartObject("start");
            w.WriteString("streamSid", streamSid);
            w.WriteString("callSid", callSid);
            w.WriteStartArray("tracks");
            w.WriteStringValue("inbound");
            w.WriteEndArray();
            w.WriteStartObject("mediaFormat");
            w.WriteString("encoding", "audio/x-mulaw");
            w.WriteNumber("sampleRate", 8000);
            w.WriteNumber("channels", 1);
            w.WriteEndObject();
            w.WriteStartObject("customParameters");
            foreach (var (k, v) in parameters)
            {
                w.WriteString(k, v);
            }

            w.WriteEndObject();
            w.WriteEndObject();
        });

    public static byte[] CarrierMedia(string streamSid, long sequence, long chunk, byte[] mulaw) =>
        Write(w =>
        {
            w.WriteString("event", "media");
            w.WriteString("sequenceNumber", sequence.ToString(System.Globalization.CultureInfo.InvariantCulture));
            w.WriteString("streamSid", streamSid);
            w.WriteStartObject("media");
            w.WriteString("track", "inbound");
            w.WriteString("chunk", chunk.ToString(System.Globalization.CultureInfo.InvariantCulture));
            w.WriteString("timestamp", (chunk * 20).ToString(System.Globalization.CultureInfo.InvariantCulture));
            w.WriteBase64String("payload", mulaw);
            w.WriteEndObject();
        });

    public static byte[] CarrierEvent(string json) => Encoding.UTF8.GetBytes(json);

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream(256);
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }

        return stream.ToArray();
    }

    private static JsonElement Object(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value
            : throw new MediaStreamFormatException($"The message has no \"{name}\" object.");

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static long? Number(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt64(out var n) => n,
            JsonValueKind.String when long.TryParse(value.GetString(), System.Globalization.NumberStyles.Integer,
                System.Globalization.CultureInfo.InvariantCulture, out var n) => n,
            _ => null,
        };
    }
}
