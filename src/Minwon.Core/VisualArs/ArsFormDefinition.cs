namespace Minwon.Core.VisualArs;

/// <summary>A self-service form and the case it files: category (major/minor of the seed taxonomy) and disposition.</summary>
public sealed class ArsFormDefinition
{
    public string Id { get; set; } = "";
    public string TitleKo { get; set; } = "";
    public string TitleEn { get; set; } = "";
    public string CategoryMajor { get; set; } = "";
    public string CategoryMinor { get; set; } = "";

    /// <summary>"SelfService" for reports and requests, "CallbackNeeded" for callback requests.</summary>
    public string Disposition { get; set; } = "SelfService";

    /// <summary>The field whose last four digits, with the receipt number, let the citizen look the case up.</summary>
    public string PhoneField { get; set; } = "phone";

    public List<ArsFormField> Fields { get; set; } = [];

    public string Title(string language) => language == "en" && TitleEn.Length > 0 ? TitleEn : TitleKo;
}
