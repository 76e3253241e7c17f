namespace Minwon.Core.VisualArs;

/// <summary>One field of a self-service form. Forms are data, so an administrator adds one without a deploy.</summary>
public sealed class ArsFormField
{
    public string Name { get; set; } = "";
    public string LabelKo { get; set; } = "";
    public string LabelEn { get; set; } = "";
    public ArsFieldType Type { get; set; }
    public bool Required { get; set; }
    public int? MaxLength { get; set; }

    /// <summary>A .NET regular expression the whole value must match; PatternMessageKo explains it to the citizen.</summary>
    public string? Pattern { get; set; }
    public string? PatternMessageKo { get; set; }
    public string HintKo { get; set; } = "";
    public string HintEn { get; set; } = "";
    public List<ArsOption> Options { get; set; } = [];

    /// <summary>Date fields: the earliest and latest day allowed, counted from today in Seoul.</summary>
    public int? MinDaysFromToday { get; set; }
    public int? MaxDaysFromToday { get; set; }

    public string Label(string language) => language == "en" && LabelEn.Length > 0 ? LabelEn : LabelKo;

    public string Hint(string language) => language == "en" && HintEn.Length > 0 ? HintEn : HintKo;
}
