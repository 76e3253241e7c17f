namespace Minwon.Core.VisualArs;

/// <summary>
/// One entry of the menu tree. The tree is stored flat (children by id) so that an edit can express, and
/// validation can refuse, a cycle or a link to a node that does not exist.
/// </summary>
public sealed class ArsNode
{
    public string Id { get; set; } = "";
    public ArsNodeKind Kind { get; set; }
    public string LabelKo { get; set; } = "";
    public string LabelEn { get; set; } = "";

    /// <summary>
    /// Labels in further languages by code ("zh", "ja", "vi"), optional: /ars shows the English label (or the Korean one),
    /// marked with its own lang attribute, in a language missing here.
    /// </summary>
    public Dictionary<string, string>? Labels { get; set; }

    /// <summary>What the voice menu says for this entry ("버스와 지하철 안내는 1번").</summary>
    public string PromptKo { get; set; } = "";
    public string PromptEn { get; set; } = "";

    /// <summary>Keypad digit among its siblings: 0-9, * or #. The root has none.</summary>
    public string? Digit { get; set; }

    /// <summary>Extra words people search with (불법주차 for 불법주정차), space-separated.</summary>
    public string Keywords { get; set; } = "";

    public List<string> Children { get; set; } = [];

    /// <summary>Info pages: a knowledge article id, or text written here (plain text, paragraphs by blank lines).</summary>
    public string? ArticleId { get; set; }
    public string TextKo { get; set; } = "";
    public string TextEn { get; set; } = "";

    /// <summary>Form nodes and callback connect nodes: the form definition they open.</summary>
    public string? FormId { get; set; }

    public ArsConnectMode? Connect { get; set; }

    public string? Url { get; set; }

    public string Label(string language) => language == "en" && LabelEn.Length > 0 ? LabelEn : LabelKo;

    public string Text(string language) => language == "en" && TextEn.Length > 0 ? TextEn : TextKo;
}
