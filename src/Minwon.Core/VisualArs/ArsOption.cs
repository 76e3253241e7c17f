namespace Minwon.Core.VisualArs;

public sealed class ArsOption
{
    public string Value { get; set; } = "";
    public string LabelKo { get; set; } = "";
    public string LabelEn { get; set; } = "";

    public string Label(string language) => language == "en" && LabelEn.Length > 0 ? LabelEn : LabelKo;
}
