namespace Minwon.Server.Features.VisualArs;

/// <summary>A generic HTTP SMS provider: POST {Url} with a JSON body {ToField: number, TextField: text, FromField: From}.</summary>
public sealed class HttpSmsOptions
{
    public string Url { get; set; } = "";
    public Dictionary<string, string> Headers { get; set; } = [];
    public string From { get; set; } = "";
    public string ToField { get; set; } = "to";
    public string TextField { get; set; } = "text";
    public string FromField { get; set; } = "from";
}
