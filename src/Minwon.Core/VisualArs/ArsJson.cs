using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Minwon.Core.VisualArs;

/// <summary>The one JSON shape of a menu (export, import, storage): camelCase, enums as snake_case strings, Korean readable.</summary>
public static class ArsJson
{
    public static readonly JsonSerializerOptions Options = Create(indented: false);
    public static readonly JsonSerializerOptions Indented = Create(indented: true);

    public static string Serialize(ArsMenu menu, bool indented = false) =>
        JsonSerializer.Serialize(menu, indented ? Indented : Options);

    /// <summary>Throws JsonException with a readable message when the document is not a menu.</summary>
    public static ArsMenu Deserialize(string json) =>
        JsonSerializer.Deserialize<ArsMenu>(json, Options) ?? throw new JsonException("메뉴 JSON이 비어 있습니다.");

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = indented,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        return options;
    }
}
