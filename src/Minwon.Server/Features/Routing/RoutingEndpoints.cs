using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Minwon.Server.Data;
using Minwon.Server.Features.Staff;
using Minwon.Server.Platform;

namespace Minwon.Server.Features.Routing;

public sealed record AgentDto(string UserId, string DisplayName, string Presence, string? Reason, DateTimeOffset PresenceSince,
    int MaxConcurrent, string Skills);

public sealed record QueueRequest(string Name, string? RequiredSkills, int Priority, int ServiceLevelSeconds, int? OverflowAfterSeconds,
    int? OverflowQueueId, int MaxWaiting);

public static class RoutingEndpoints
{
    public static IEndpointRouteBuilder MapContactRouting(this IEndpointRouteBuilder app)
    {
        var presence = app.MapGroup("/api/presence").WithTags("Presence").RequireAuthorization(StaffRoles.StaffPolicy);
        presence.MapGet("/", async Task<Results<Ok<AgentDto>, NotFound>> (ClaimsPrincipal user, MinwonDbContext db, CancellationToken ct) =>
            await db.Set<AgentProfile>().AsNoTracking().FirstOrDefaultAsync(a => a.UserId == user.Id(), ct) is { } a
                ? TypedResults.Ok(ToDto(a)) : TypedResults.NotFound());
        presence.MapPut("/", async Task<Ok<AgentDto>> (PresenceRequest request, ClaimsPrincipal user, SetPresence handler, CancellationToken ct) =>
            TypedResults.Ok(ToDto(await handler.HandleAsync(user.Id(), request, ct))));

        var agents = app.MapGroup("/api/agents").WithTags("Presence").RequireAuthorization(StaffRoles.SupervisorPolicy);
        agents.MapGet("/", async Task<Ok<List<AgentDto>>> (MinwonDbContext db, CancellationToken ct) =>
            TypedResults.Ok((await db.Set<AgentProfile>().AsNoTracking().OrderBy(a => a.DisplayName).ToListAsync(ct)).Select(ToDto).ToList()));

        app.MapGet("/api/wallboard", async Task<Ok<WallboardView>> (Wallboard wallboard, CancellationToken ct) =>
            TypedResults.Ok(await wallboard.HandleAsync(ct))).WithTags("Wallboard").RequireAuthorization(StaffRoles.SupervisorPolicy);

        var queues = app.MapGroup("/api/queues").WithTags("Queues").RequireAuthorization(StaffRoles.StaffPolicy);
        queues.MapGet("/", async Task<Ok<List<ServiceQueue>>> (MinwonDbContext db, CancellationToken ct) =>
            TypedResults.Ok(await db.Set<ServiceQueue>().AsNoTracking().OrderBy(q => q.Id).ToListAsync(ct)));
        queues.MapPost("/", async Task<Created<ServiceQueue>> (QueueRequest request, MinwonDbContext db, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 100)
            {
                throw ProblemException.Invalid("대기열 이름은 1~100자여야 합니다.");
            }

            if (request.MaxWaiting < 0)
            {
                throw ProblemException.Invalid("maxWaiting는 0 이상이어야 합니다 (0이면 새 상담을 받지 않습니다).");
            }

            if (request.OverflowQueueId is { } overflow && !await db.Set<ServiceQueue>().AnyAsync(q => q.Id == overflow, ct))
            {
                throw ProblemException.Invalid($"overflowQueueId {overflow}: 그런 대기열이 없습니다.");
            }

            if (request.OverflowAfterSeconds is < 1 || request.OverflowAfterSeconds is not null && request.OverflowQueueId is null)
            {
                throw ProblemException.Invalid("overflowAfterSeconds는 1 이상이어야 하고 overflowQueueId와 함께 주어야 합니다.");
            }

            if (await db.Set<ServiceQueue>().AnyAsync(q => q.Name == request.Name.Trim(), ct))
            {
                throw ProblemException.Conflict("같은 이름의 대기열이 있습니다.");
            }

            var queue = new ServiceQueue
            {
                Name = request.Name.Trim(),
                RequiredSkills = request.RequiredSkills ?? "",
                Priority = request.Priority,
                ServiceLevelSeconds = Math.Clamp(request.ServiceLevelSeconds, 1, 3600),
                OverflowAfterSeconds = request.OverflowAfterSeconds,
                OverflowQueueId = request.OverflowQueueId,
                MaxWaiting = Math.Min(request.MaxWaiting, 100_000),
            };
            db.Add(queue);
            await db.SaveChangesAsync(ct);
            return TypedResults.Created($"/api/queues/{queue.Id}", queue);
        }).RequireAuthorization(StaffRoles.AdminPolicy);
        return app;
    }

    public static AgentDto ToDto(AgentProfile a) =>
        new(a.UserId, a.DisplayName, a.Presence.ToString(), a.PresenceReason, a.PresenceSince, a.MaxConcurrent, a.Skills);
}
