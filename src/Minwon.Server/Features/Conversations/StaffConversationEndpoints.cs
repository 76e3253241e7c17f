using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Minwon.Core.Conversations;
using Minwon.Server.Data;
using Minwon.Server.Features.Cases;
using Minwon.Server.Features.Staff;
using Minwon.Server.Platform;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Conversations;

public sealed record ConversationSummary(Guid Id, Guid ContactId, string Status, string Channel, string Language, int? QueueId,
    string? Topic, string? OfferedToId, string? AssignedToId, DateTimeOffset CreatedAt, DateTimeOffset? EnqueuedAt, int LastSeq);

public sealed record ConversationDetail(ConversationSummary Conversation, List<MessageDto> Messages);

public sealed record TransferRequest(int? QueueId, string? AgentId);

public sealed record CaseDto(Guid Id, string ReceiptNumber, int? CategoryId, string? DistrictCode, string Summary,
    string Disposition, string Channel, DateTimeOffset CreatedAt);

/// <summary>The counsellor's and supervisor's REST view of conversations and cases; every route needs a staff role.</summary>
public static class StaffConversationEndpoints
{
    public static IEndpointRouteBuilder MapStaffConversationApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/conversations").WithTags("Conversations").RequireAuthorization(StaffRoles.StaffPolicy);
        group.MapGet("/", async Task<Ok<List<ConversationSummary>>> (string? status, ClaimsPrincipal user, MinwonDbContext db, CancellationToken ct) =>
        {
            var query = db.Set<Conversation>().AsNoTracking().Visible(user);
            query = Enum.TryParse<ConversationStatus>(status, ignoreCase: true, out var s)
                ? query.Where(c => c.Status == s)
                : query.Where(c => c.Status != ConversationStatus.Closed && c.Status != ConversationStatus.Abandoned);
            var list = await query.OrderBy(c => c.CreatedAt).Take(500).ToListAsync(ct);
            return TypedResults.Ok(list.Select(Summarize).ToList());
        });
        group.MapGet("/{id:guid}", async Task<Results<Ok<ConversationDetail>, NotFound>> (Guid id, int? after, ClaimsPrincipal user,
            MinwonDbContext db, ConversationJournal journal, CancellationToken ct) =>
        {
            var conversation = await db.Set<Conversation>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
            if (conversation is null || !await db.CanViewAsync(user, conversation, ct))
            {
                return TypedResults.NotFound();
            }

            return TypedResults.Ok(new ConversationDetail(Summarize(conversation), await journal.ReadAfterAsync(id, after ?? 0, ct)));
        });
        group.MapPost("/{id:guid}/accept", async Task<NoContent> (Guid id, ClaimsPrincipal user, AgentActions actions, CancellationToken ct) =>
        {
            await actions.AcceptAsync(id, user.Id(), ct);
            return TypedResults.NoContent();
        });
        group.MapPost("/{id:guid}/decline", async Task<NoContent> (Guid id, ClaimsPrincipal user, AgentActions actions, CancellationToken ct) =>
        {
            await actions.DeclineAsync(id, user.Id(), ct);
            return TypedResults.NoContent();
        });
        group.MapPost("/{id:guid}/messages", async Task<Ok<MessageDto>> (Guid id, PostMessageRequest request, ClaimsPrincipal user,
            PostMessage post, CancellationToken ct) => TypedResults.Ok(await post.FromAgentAsync(id, user.Id(), request, ct))).ProducesProblem(StatusCodes.Status503ServiceUnavailable); // overloaded: Retry-After (MessagePostLimiter)
        group.MapPost("/{id:guid}/transfer", async Task<NoContent> (Guid id, TransferRequest request, ClaimsPrincipal user, AgentActions actions,
            CancellationToken ct) =>
        {
            await actions.TransferAsync(id, user.Id(), request.QueueId, request.AgentId, ct);
            return TypedResults.NoContent();
        });
        group.MapPost("/{id:guid}/end", async Task<NoContent> (Guid id, ClaimsPrincipal user, AgentActions actions, CancellationToken ct) =>
        {
            await actions.EndAsync(id, user.Id(), null, ct);
            return TypedResults.NoContent();
        });
        group.MapPost("/{id:guid}/close", async Task<Ok<CaseDto>> (Guid id, CaseForm form, ClaimsPrincipal user, CloseConversation close,
            CancellationToken ct) => TypedResults.Ok(ToDto(await close.HandleAsync(id, user.Id(), form, ct))));

        var cases = app.MapGroup("/api/contacts").WithTags("Cases").RequireAuthorization(StaffRoles.StaffPolicy);
        cases.MapGet("/{contactId:guid}/cases", async Task<Results<Ok<List<CaseDto>>, NotFound>> (Guid contactId, ClaimsPrincipal user,
            MinwonDbContext db, CancellationToken ct) =>
        {
            if (!await db.ServesContactAsync(user, contactId, ct))
            {
                return TypedResults.NotFound();
            }

            var list = await db.Set<Case>().AsNoTracking().Where(c => c.ContactId == contactId)
                .OrderByDescending(c => c.CreatedAt).Take(100).ToListAsync(ct);
            return TypedResults.Ok(list.Select(ToDto).ToList());
        });
        return app;
    }

    public static ConversationSummary Summarize(Conversation c) =>
        new(c.Id, c.ContactId, c.Status.ToString().ToLowerInvariant(), c.Channel, c.Language, c.QueueId, c.Topic,
            c.OfferedToId, c.AssignedToId, c.CreatedAt, c.EnqueuedAt, c.LastSeq);

    public static CaseDto ToDto(Case c) =>
        new(c.Id, c.ReceiptNumber, c.CategoryId, c.DistrictCode, c.Summary, c.Disposition.ToString(), c.Channel, c.CreatedAt);
}
