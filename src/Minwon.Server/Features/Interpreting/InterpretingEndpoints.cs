using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Minwon.Core.Conversations;
using Minwon.Server.Data;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Features.Staff;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Interpreting;

/// <summary>The interpreter join's API (issue 16): list, add, remove, and the interpreter's own messages. Staff only.</summary>
public static class InterpretingEndpoints
{
    public static WebApplicationBuilder AddInterpreting(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<InterpreterActions>();
        builder.Services.AddEventConsumer<InterpreterConsumer>();
        return builder;
    }

    public static IEndpointRouteBuilder MapInterpreting(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/conversations/{id:guid}/interpreters").WithTags("Interpreting").RequireAuthorization(StaffRoles.StaffPolicy);
        group.MapGet("/", async Task<Results<Ok<List<InterpreterDto>>, NotFound>> (Guid id, ClaimsPrincipal user, MinwonDbContext db,
            InterpreterActions actions, CancellationToken ct) =>
            await MaySeeAsync(db, user, id, ct) ? TypedResults.Ok(await actions.ListAsync(id, ct)) : TypedResults.NotFound())
            .WithSummary("Interpreters of a conversation, past and present (the counsellor holding it, its interpreters, supervisors)");
        group.MapPost("/", async Task<Created<InterpreterDto>> (Guid id, AddInterpreterRequest request, ClaimsPrincipal user,
            InterpreterActions actions, CancellationToken ct) =>
        {
            var added = await actions.AddAsync(id, user.Id(), request, ct);
            return TypedResults.Created($"/api/conversations/{id}/interpreters/{added.Id}", added);
        }).WithSummary("The counsellor holding the conversation adds a staff interpreter with the language skill");
        group.MapDelete("/{joinId:guid}", async Task<NoContent> (Guid id, Guid joinId, ClaimsPrincipal user, InterpreterActions actions,
            CancellationToken ct) =>
        {
            await actions.RemoveAsync(id, joinId, user.Id(), ct);
            return TypedResults.NoContent();
        }).WithSummary("The counsellor removes an interpreter, or the interpreter leaves");
        group.MapPost("/messages", async Task<Ok<MessageDto>> (Guid id, PostMessageRequest request, ClaimsPrincipal user,
            InterpreterActions actions, CancellationToken ct) => TypedResults.Ok(await actions.PostAsync(id, user.Id(), request, ct)))
            .WithSummary("An interpreter in the conversation writes into it");
        return app;
    }

    private static async Task<bool> MaySeeAsync(MinwonDbContext db, ClaimsPrincipal user, Guid conversationId, CancellationToken ct)
    {
        if (user.SeesWholeCenter())
        {
            return await db.Set<Conversation>().AnyAsync(c => c.Id == conversationId, ct);
        }

        var me = user.Id();
        return await db.Set<Conversation>().AnyAsync(c => c.Id == conversationId && c.AssignedToId == me
                && (c.Status == ConversationStatus.Assigned || c.Status == ConversationStatus.WrapUp), ct)
            || await db.Set<ConversationInterpreter>().AnyAsync(i => i.ConversationId == conversationId && i.InterpreterId == me && i.LeftAt == null, ct);
    }
}
