using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Minwon.Server.Features.TextSafety;

/// <summary>Wire shapes of `minwon text mask --json` and `minwon text abuse`; property order is the contract.</summary>
internal static class TextSafetyJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public sealed record MaskLine(
        [property: JsonPropertyName("text")] string Text,
        [property: JsonPropertyName("masked")] string Masked,
        [property: JsonPropertyName("spans")] IReadOnlyList<SpanLine> Spans);

    public sealed record SpanLine(
        [property: JsonPropertyName("start")] int Start,
        [property: JsonPropertyName("end")] int End,
        [property: JsonPropertyName("kind")] string Kind);

    public sealed record AbuseLine(
        [property: JsonPropertyName("text")] string Text,
        [property: JsonPropertyName("label")] string Label,
        [property: JsonPropertyName("score")] double Score);
}
