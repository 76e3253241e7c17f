namespace Minwon.Core.IssueAlerting;

/// <summary>
/// How an issue reads to people (issue 9 item 11): a label from whole words (district, category, top nouns) and the
/// draft of the public notice a supervisor edits before publishing, written as sentences, never the raw term list.
/// </summary>
public static class IssueWording
{
    /// <summary>"마포구 · 생활하수도 불편 · 단수, 수돗물": the parts that are known, in that order.</summary>
    public static string Label(string? district, string? category, IReadOnlyList<string> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var parts = new List<string> { district ?? "서울 전역" };
        if (!string.IsNullOrWhiteSpace(category))
        {
            parts.Add(category);
        }

        if (terms.Count > 0)
        {
            parts.Add(string.Join(", ", terms.Take(3)));
        }

        return string.Join(" · ", parts);
    }

    /// <summary>
    /// "마포구 일대에서 단수·수돗물 관련 신고가 잇따르고 있습니다. 관계 기관이 원인을 확인하고 있으며, 복구 상황은 확인되는 대로
    /// 다시 알려 드리겠습니다. 불편을 드려 죄송합니다."
    /// </summary>
    public static string NoticeDraft(string? district, string? category, IReadOnlyList<string> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        // A 동 among the terms says where, not what: "마포구 망원동 일대에서 단수 관련 …".
        var dong = terms.FirstOrDefault(t => t.EndsWith('동') && Reference.SeoulPlaces.Instance.IsKnownDong(t));
        var topics = terms.Where(t => t != dong).Take(2).ToList();
        var place = string.Join(' ', new[] { district, dong }.Where(p => !string.IsNullOrEmpty(p)));
        var where = place.Length > 0 ? $"{place} 일대에서" : "서울 일부 지역에서";
        var what = topics.Count > 0 ? string.Join('·', topics) : category is { Length: > 0 } ? category : null;
        var first = what is null ? $"{where} 신고가 잇따르고 있습니다." : $"{where} {what} 관련 신고가 잇따르고 있습니다.";
        return first + " 관계 기관이 원인을 확인하고 있으며, 복구 상황은 확인되는 대로 다시 알려 드리겠습니다. 불편을 드려 죄송합니다.";
    }
}
