namespace Minwon.Core.IssueAlerting;

/// <summary>
/// One citizen contact as the issue detector sees it: the first message or transcript, the category and district the
/// counsellor (or the classifier) gave it, the channel and when it arrived. Category, district and channel may be null.
/// </summary>
public sealed record ContactEvent(DateTimeOffset Time, string Text, string? Category, string? District, string? Channel);
