using Minwon.Core.Quality;

namespace Minwon.Server.Features.Quality;

/// <summary>One consultation's scores in a list.</summary>
public sealed record QualityScoreRow(
    Guid Id, Guid ConversationId, string? ReceiptNumber, string CounsellorId, string CounsellorName, string Team, string Channel,
    DateTimeOffset ClosedAt, int Greeting, int Attitude, int Handling, int Reachability, int Closing, double Total, int ScorecardVersion)
{
    public int Area(QualityArea area) => area switch
    {
        QualityArea.Greeting => Greeting,
        QualityArea.Attitude => Attitude,
        QualityArea.Handling => Handling,
        QualityArea.Reachability => Reachability,
        _ => Closing,
    };
}

/// <summary>A finding as screens show it, with its Korean label and any dispute.</summary>
public sealed record QualityFindingView(
    long Id, string Area, string Item, string Label, bool Passed, bool Overturned, int? TurnIndex, int? MessageSeq, string? Evidence,
    QualityDisputeView? Dispute);

public sealed record QualityDisputeView(
    Guid Id, long FindingId, Guid ScoreId, string CounsellorId, string CounsellorName, string Item, string Label, string? Evidence,
    string Reason, DateTimeOffset CreatedAt, DisputeStatus Status, string? Resolution, DateTimeOffset? ResolvedAt);

/// <summary>A line of the consultation as stored (masked).</summary>
public sealed record TranscriptLine(int Seq, string Speaker, string Text, DateTimeOffset At);

public sealed record QualityReviewView(Guid Id, string ReviewerId, DateTimeOffset ReviewedAt,
    int Greeting, int Attitude, int Handling, int Reachability, int Closing,
    int AutoGreeting, int AutoAttitude, int AutoHandling, int AutoReachability, int AutoClosing, string? Note);

/// <summary>A consultation's score with its findings, the transcript they point into, and calibration reviews.</summary>
public sealed record QualityScoreDetail(QualityScoreRow Score, IReadOnlyList<QualityFindingView> Findings,
    IReadOnlyList<TranscriptLine> Transcript, IReadOnlyList<QualityReviewView> Reviews);

/// <summary>Filters of the supervisor's list; all optional. Area: order by that area instead of the total; Newest: by time.</summary>
public sealed record QualityFilter(string? Area = null, string? CounsellorId = null, string? Channel = null, string? Team = null,
    DateTimeOffset? From = null, DateTimeOffset? To = null, int Limit = 50, int Offset = 0, bool Newest = false);

/// <summary>Average scores of a group (a team or a counsellor) over a period.</summary>
public sealed record QualityGroupRow(string Key, string Name, int Consultations,
    double Greeting, double Attitude, double Handling, double Reachability, double Closing, double Total);

public sealed record QualityPeriodRow(DateOnly From, DateOnly To, IReadOnlyList<QualityGroupRow> Groups);

public sealed record QualitySummary(DateOnly From, DateOnly To, string GroupBy, IReadOnlyList<QualityGroupRow> Groups,
    IReadOnlyList<QualityPeriodRow> Weeks);

/// <summary>How close hand scores and automatic scores are, per area: mean absolute difference and the share of
/// reviews where both agree on whether the area lost points.</summary>
public sealed record AreaAgreement(string Area, int Reviews, double MeanAbsoluteDifference, double LoweredAgreement);

public sealed record CalibrationWeek(DateOnly Week, int Reviews, IReadOnlyList<AreaAgreement> Areas);

public sealed record CalibrationReport(int Reviews, IReadOnlyList<AreaAgreement> Areas, IReadOnlyList<CalibrationWeek> Weeks);

public sealed record DisputeRequest(string? Reason);

public sealed record ResolutionRequest(bool Upheld, string? Note);

public sealed record ReviewRequest(int Greeting, int Attitude, int Handling, int Reachability, int Closing, string? Note);

public sealed record ScorecardVersionView(int Version, string Name, DateTimeOffset CreatedAt, string? CreatedById, Scorecard Scorecard);
