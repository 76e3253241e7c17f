using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Minwon.Server.Data;
using Minwon.Server.Platform;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Conversations;

/// <summary>
/// The citizen's side of web chat over HTTP (the hub offers the same with push). No login: the conversation
/// token is the credential, and an unknown token is a plain 404 whether or not the conversation exists. Bodies are
/// limited per endpoint to what each needs (413 beyond), far below the server's 30 MB default.
/// </summary>
public static class ChatEndpoints
{
    public static IEndpointRouteBuilder MapChatApi(this IEndpointRouteBuilder app)
    {
        // Citizens may also talk from the city's own site (Minwon:Chat:AllowedOrigins); the token, not a cookie, is the credential.
        var chat = app.MapGroup("/api/chat").WithTags("Citizen chat").AllowAnonymous().AllowCrossSite(CrossSitePolicy.EmbeddingSites);
        chat.MapPost("/conversations", async Task<Created<StartChatResponse>> (StartChatRequest request, StartChat handler, CancellationToken ct) =>
        {
            var started = await handler.HandleAsync(request, ct);
            return TypedResults.Created($"/api/chat/{started.Token}/state", started);
        }).WithSummary("Open a web chat; returns the conversation token").RequireRateLimiting(ConversationServices.CitizenStartLimit)
            .WithMetadata(new RequestSizeLimitAttribute(8 * 1024));
        chat.MapGet("/{token}/state", async Task<Ok<ChatState>> (string token, GetChatState handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(token, ct))).WithSummary("Queue position, expected wait, counsellor");
        chat.MapGet("/{token}/messages", async Task<Ok<List<MessageDto>>> (string token, int? after, MinwonDbContext db,
            ConversationJournal journal, CancellationToken ct) =>
        {
            var id = await db.Set<Conversation>().Where(c => c.Token == token).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct)
                ?? throw ProblemException.NotFound();
            return TypedResults.Ok(await journal.ReadAfterAsync(id, Math.Max(0, after ?? 0), ct));
        }).WithSummary("Messages and events after a sequence number, in order");
        chat.MapPost("/{token}/messages", async Task<Ok<MessageDto>> (string token, PostMessageRequest request, PostMessage handler,
            CitizenThrottle throttle, HttpContext http, CancellationToken ct) =>
        {
            // The same limit as the hub's, per conversation and per client address.
            if (!throttle.TryTake(token, http.Connection.RemoteIpAddress, request.ClientMessageId))
            {
                throw new ProblemException(StatusCodes.Status429TooManyRequests, "요청이 너무 많습니다.", CitizenThrottle.Refusal);
            }

            return TypedResults.Ok(await handler.FromCitizenAsync(token, request, ct));
        }).WithSummary("Send a message; a retry with the same clientMessageId is stored once")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable) // overloaded: Retry-After (MessagePostLimiter)
            .WithMetadata(new RequestSizeLimitAttribute(64 * 1024)); // 4,000 characters, each escaped as \uXXXX at worst
        chat.MapPost("/{token}/leave", async Task<NoContent> (string token, LeaveChat handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(token, ct);
            return TypedResults.NoContent();
        }).WithSummary("The citizen ends the chat").WithMetadata(new RequestSizeLimitAttribute(1024));
        return app;
    }
}
