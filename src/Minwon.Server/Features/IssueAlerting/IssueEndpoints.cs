using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Minwon.Server.Data;
using Minwon.Server.Features.Staff;
using Minwon.Server.Platform;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.IssueAlerting;

public sealed record IssueDecision(IssueStatus Status);

public sealed record IssueDetail(DetectedIssue Issue, List<IssueTimelineEntry> Timeline, List<Guid> Conversations, List<Notice> Notices);

public sealed record ReplayResult(int Events, int Skipped, int Alerts);

public static class IssueEndpoints
{
    /// <summary>Upper bound for a replay uploaded through the API; larger streams go through `minwon issues replay`.</summary>
    public const long MaxReplayBytes = 64L * 1024 * 1024;

    public static WebApplicationBuilder AddIssueAlerting(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<NoticeBoard>();
        builder.Services.AddScoped<IssueActions>();
        builder.Services.AddEventConsumer<IssueDetectorConsumer>();
        return builder;
    }

    public static IEndpointRouteBuilder MapIssueAlerting(this IEndpointRouteBuilder app)
    {
        var issues = app.MapGroup("/api/issues").WithTags("Issue alerter").RequireAuthorization(StaffRoles.SupervisorPolicy);
        issues.MapGet("/", async Task<Ok<List<DetectedIssue>>> (string? status, MinwonDbContext db, CancellationToken ct) =>
        {
            var query = db.Set<DetectedIssue>().AsNoTracking();
            query = Enum.TryParse<IssueStatus>(status, true, out var s) ? query.Where(i => i.Status == s) : query;
            return TypedResults.Ok(await query.OrderByDescending(i => i.DetectedAt).Take(200).ToListAsync(ct));
        });
        issues.MapGet("/{id:guid}", async Task<Results<Ok<IssueDetail>, NotFound>> (Guid id, MinwonDbContext db, CancellationToken ct) =>
        {
            var issue = await db.Set<DetectedIssue>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
            if (issue is null)
            {
                return TypedResults.NotFound();
            }

            return TypedResults.Ok(new IssueDetail(issue,
                await db.Set<IssueTimelineEntry>().AsNoTracking().Where(e => e.IssueId == id).OrderBy(e => e.At).ToListAsync(ct),
                await db.Set<IssueContact>().AsNoTracking().Where(c => c.IssueId == id).OrderBy(c => c.At).Select(c => c.ConversationId).Take(500).ToListAsync(ct),
                await db.Set<Notice>().AsNoTracking().Where(n => n.IssueId == id).ToListAsync(ct)));
        });
        issues.MapPost("/{id:guid}/decision", async Task<NoContent> (Guid id, IssueDecision decision, ClaimsPrincipal user, IssueActions actions,
            CancellationToken ct) =>
        {
            await actions.DecideAsync(id, decision.Status, user.Id(), ct);
            return TypedResults.NoContent();
        }).WithSummary("Confirm, dismiss (false alarm) or resolve an issue");
        issues.MapPost("/{id:guid}/notices", async Task<Created<Notice>> (Guid id, PublishNoticeRequest request, ClaimsPrincipal user,
            IssueActions actions, CancellationToken ct) =>
        {
            var notice = await actions.PublishNoticeAsync(id, request, user.Id(), ct);
            return TypedResults.Created($"/api/notices/{notice.Id}", notice);
        }).WithSummary("Publish a notice for the desk, the bot and the visual ARS");
        issues.MapPost("/replay", async Task<Ok<ReplayResult>> (HttpRequest request, IssueActions actions, CancellationToken ct) =>
        {
            if (request.ContentLength is > MaxReplayBytes)
            {
                throw new ProblemException(StatusCodes.Status413PayloadTooLarge, "재생 파일이 너무 큽니다.", "64 MB 이하만 올릴 수 있습니다. 더 큰 파일은 minwon issues replay를 쓰세요.");
            }

            using var reader = new StreamReader(request.Body, System.Text.Encoding.UTF8);
            return TypedResults.Ok(await actions.ReplayAsync(reader, ct));
        }).WithSummary("Replay a JSON Lines event stream through a fresh detector; alerts appear as issues").DisableAntiforgery();

        app.MapGet("/api/notices", async Task<Ok<IReadOnlyList<ActiveNotice>>> (NoticeBoard board, CancellationToken ct) =>
            TypedResults.Ok(await board.ActiveAsync(ct))).WithTags("Issue alerter").AllowAnonymous().WithSummary("Notices currently shown to citizens");
        app.MapPost("/api/notices", async Task<Created<Notice>> (PublishNoticeRequest request, ClaimsPrincipal user, IssueActions actions,
            CancellationToken ct) =>
        {
            var notice = await actions.PublishNoticeAsync(null, request, user.Id(), ct);
            return TypedResults.Created($"/api/notices/{notice.Id}", notice);
        }).WithTags("Issue alerter").RequireAuthorization(StaffRoles.SupervisorPolicy);
        return app;
    }
}
