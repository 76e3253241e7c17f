using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Minwon.Core.Quality;
using Minwon.Server.Data;
using Minwon.Server.Features.Staff;
using Minwon.Server.Platform;

namespace Minwon.Server.Features.Quality;

/// <summary>/api/quality: scores and findings (counsellors: their own), disputes, calibration, summaries, scorecards.</summary>
public static class QualityEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/scores", async Task<Ok<List<QualityScoreRow>>> (string? area, string? counsellor, string? channel, string? team,
            DateTimeOffset? from, DateTimeOffset? to, int? limit, int? offset, ClaimsPrincipal user, QualityQueries queries, CancellationToken ct) =>
            TypedResults.Ok(await queries.ListAsync(user, new QualityFilter(area, counsellor, channel, team, from, to, limit ?? 50, offset ?? 0), ct)))
            .WithSummary("Scored consultations, lowest first (by the total, or by one area); counsellors see their own");

        api.MapGet("/scores/{id:guid}", async Task<Results<Ok<QualityScoreDetail>, NotFound>> (Guid id, ClaimsPrincipal user, QualityQueries queries,
            CancellationToken ct) => await queries.DetailAsync(user, id, ct) is { } detail ? TypedResults.Ok(detail) : TypedResults.NotFound())
            .WithSummary("One score with its findings, evidence, transcript and calibration reviews");

        api.MapGet("/conversations/{id:guid}", async Task<Results<Ok<QualityScoreDetail>, NotFound>> (Guid id, ClaimsPrincipal user,
            QualityQueries queries, CancellationToken ct) =>
            await queries.ByConversationAsync(user, id, ct) is { } detail ? TypedResults.Ok(detail) : TypedResults.NotFound())
            .WithSummary("The score of a consultation, once its case is closed and scored");

        api.MapPost("/findings/{id:long}/disputes", async Task<Created<QualityDisputeView>> (long id, DisputeRequest request, ClaimsPrincipal user,
            QualityActions actions, CancellationToken ct) =>
        {
            var dispute = await actions.DisputeAsync(id, user.Id(), request.Reason, ct);
            return TypedResults.Created($"/api/quality/disputes/{dispute.Id}", dispute);
        }).WithSummary("Dispute a failed finding of one's own score");

        api.MapGet("/disputes", async Task<Ok<List<QualityDisputeView>>> (DisputeStatus? status, ClaimsPrincipal user, QualityQueries queries,
            CancellationToken ct) => TypedResults.Ok(await queries.DisputesAsync(user, status, ct)))
            .WithSummary("Disputes: a counsellor's own, or all for supervisors");

        api.MapPost("/disputes/{id:guid}/resolution", async Task<Ok<QualityDisputeView>> (Guid id, ResolutionRequest request, ClaimsPrincipal user,
            QualityActions actions, CancellationToken ct) => TypedResults.Ok(await actions.ResolveAsync(id, user.Id(), request.Upheld, request.Note, ct)))
            .RequireAuthorization(StaffRoles.SupervisorPolicy).WithSummary("Uphold (the finding counts as passed) or reject a dispute");

        api.MapPost("/scores/{id:guid}/reviews", async Task<Created<QualityReviewView>> (Guid id, ReviewRequest request, ClaimsPrincipal user,
            QualityActions actions, CancellationToken ct) =>
        {
            var review = await actions.ReviewAsync(id, user.Id(), request, ct);
            return TypedResults.Created($"/api/quality/scores/{id}", review);
        }).RequireAuthorization(StaffRoles.SupervisorPolicy).WithSummary("Calibration: score a consultation by hand beside the automatic score");

        api.MapGet("/calibration", async Task<Ok<CalibrationReport>> (int? weeks, QualityReports reports, CancellationToken ct) =>
            TypedResults.Ok(await reports.CalibrationAsync(weeks ?? 12, ct)))
            .RequireAuthorization(StaffRoles.SupervisorPolicy).WithSummary("Agreement of hand and automatic scores per area, by week");

        api.MapGet("/summary", async Task<Ok<QualitySummary>> (DateOnly? from, DateOnly? to, string? groupBy, QualityReports reports, CityClock city,
            CancellationToken ct) =>
        {
            var today = city.Today;
            return TypedResults.Ok(await reports.SummaryAsync(from ?? today.AddDays(-27), to ?? today, groupBy, ct));
        }).RequireAuthorization(StaffRoles.SupervisorPolicy).WithSummary("Average scores by team (or counsellor) for a period and by week");

        api.MapGet("/scorecards", async Task<Ok<List<ScorecardVersionView>>> (MinwonDbContext db, ScorecardStore store, CancellationToken ct) =>
            TypedResults.Ok((await store.VersionsAsync(db, ct)).Select(View).ToList()))
            .RequireAuthorization(StaffRoles.SupervisorPolicy).WithSummary("Every scorecard version, newest (active) first");

        api.MapGet("/scorecards/active", async Task<Ok<ScorecardVersionView>> (MinwonDbContext db, ScorecardStore store, CancellationToken ct) =>
            TypedResults.Ok(View((await store.VersionsAsync(db, ct))[0]))).WithSummary("The scorecard consultations are scored with now");

        api.MapPost("/scorecards", async Task<Created<ScorecardVersionView>> (JsonElement scorecard, ClaimsPrincipal user, MinwonDbContext db,
            ScorecardStore store, CancellationToken ct) =>
        {
            var saved = await store.SaveAsync(db, scorecard.GetRawText(), user.Id(), ct);
            return TypedResults.Created($"/api/quality/scorecards/{saved.Version}", View(saved));
        }).RequireAuthorization(StaffRoles.AdminPolicy).WithSummary("Save a scorecard as the next version (it becomes active)");

        api.MapPost("/preview", Results<Ok<QualityPreview>, ProblemHttpResult> (JsonElement consultation, ClaimsPrincipal user) =>
        {
            try
            {
                var record = QualityWire.Parse(consultation.GetRawText(), []);
                var result = QualityScorer.Default.Score(record);
                return TypedResults.Ok(new QualityPreview(result.Id, result.Scores.ToDictionary(s => s.Key.WireName(), s => s.Value), result.Total,
                    [.. result.Findings.Select(f => new QualityPreviewFinding(f.Area.WireName(), f.Item, f.Turn, f.Passed, f.Evidence))]));
            }
            catch (FormatException e)
            {
                return TypedResults.Problem(title: "요청이 올바르지 않습니다.", detail: e.Message, statusCode: StatusCodes.Status400BadRequest);
            }
        }).WithSummary("Score a consultation in the `minwon qa score` format without storing it (shipped scorecard)");
    }

    private static ScorecardVersionView View(QualityScorecardVersion v) =>
        new(v.Version, v.Name, v.CreatedAt, v.CreatedById, ScorecardJson.Parse(v.Json) with { Version = v.Version });
}

public sealed record QualityPreview(string Id, IReadOnlyDictionary<string, int> Scores, double Total, IReadOnlyList<QualityPreviewFinding> Findings);

public sealed record QualityPreviewFinding(string Area, string Item, int? Turn, bool Passed, string? Evidence);
