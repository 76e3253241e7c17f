namespace Minwon.Core.Quality;

/// <summary>The five KSQI areas a consultation is scored on.</summary>
public enum QualityArea
{
    /// <summary>맞이인사: greeting, institution and counsellor name.</summary>
    Greeting,

    /// <summary>상담태도: honorific speech, empathy, no blame, irritation or sarcasm.</summary>
    Attitude,

    /// <summary>업무처리: the request understood, an answer or a concrete next step, no dead end.</summary>
    Handling,

    /// <summary>서비스 수신여건: how fast and smoothly the citizen got through (from the record, not the words).</summary>
    Reachability,

    /// <summary>종료태도: a check for further questions and a closing greeting.</summary>
    Closing,
}

public static class QualityAreas
{
    public static readonly QualityArea[] All = Enum.GetValues<QualityArea>();

    /// <summary>The lower-case name used on the wire and in scorecards (greeting, attitude, ...).</summary>
    public static string WireName(this QualityArea area) => area switch
    {
        QualityArea.Greeting => "greeting",
        QualityArea.Attitude => "attitude",
        QualityArea.Handling => "handling",
        QualityArea.Reachability => "reachability",
        QualityArea.Closing => "closing",
        _ => throw new ArgumentOutOfRangeException(nameof(area)),
    };

    /// <summary>The Korean name shown on staff screens.</summary>
    public static string KoreanName(this QualityArea area) => area switch
    {
        QualityArea.Greeting => "맞이인사",
        QualityArea.Attitude => "상담태도",
        QualityArea.Handling => "업무처리",
        QualityArea.Reachability => "서비스 수신여건",
        QualityArea.Closing => "종료태도",
        _ => throw new ArgumentOutOfRangeException(nameof(area)),
    };

    public static bool TryParse(string? name, out QualityArea area)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.WireName(), name, StringComparison.OrdinalIgnoreCase))
            {
                area = candidate;
                return true;
            }
        }

        area = default;
        return false;
    }
}
