using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Minwon.Server.Features.Staff;
using Minwon.Server.Platform;

namespace Minwon.Server.Features.Speech;

/// <summary>The speech API (/api/speech): segments pushed by an outside STT system, and a conversation's transcript.</summary>
public static class SpeechEndpoints
{
    public static IEndpointRouteBuilder MapSpeechApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/speech").WithTags("Speech");
        api.MapPost("/calls/{call}/segments", async Task<Results<Created<TranscriptLine>, Accepted, NoContent>> (string call, PushSegmentRequest request,
            HttpContext http, PushTranscript handler, IOptions<SpeechOptions> options, CancellationToken ct) =>
        {
            if (!Platform.SharedKey.Matches(options.Value.PushApiKey, http.Request.Headers["X-Api-Key"].ToString()))
            {
                throw new ProblemException(StatusCodes.Status401Unauthorized, "API 키가 필요합니다.", "X-Api-Key가 Minwon:Speech:PushApiKey와 맞지 않습니다.");
            }

            var line = await handler.HandleAsync(call, request, ct);
            return !request.Final ? TypedResults.Accepted((string?)null)
                : line is null ? TypedResults.NoContent()
                : TypedResults.Created($"/api/speech/conversations/{{id}}/transcript#{line.Seq}", line);
        }).AllowAnonymous().AllowCrossSite(CrossSitePolicy.AnyOrigin)
            .WithSummary("An outside STT system pushes a segment it heard on a call (X-Api-Key; by call id or the PBX's call id); final lines are stored masked, partial ones only shown");

        api.MapGet("/conversations/{id:guid}/transcript", async Task<Ok<TranscriptView>> (Guid id, ClaimsPrincipal user, ReadTranscript handler,
            CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(id, user, ct)))
            .RequireAuthorization(StaffRoles.StaffPolicy)
            .WithSummary("A call's transcript (masked) with timings, and whether it is being made now (live, unavailable, off, ended)");

        api.MapGet("/transcripts", async Task<Ok<List<TranscriptHit>>> (string? q, int? take, SearchTranscripts handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(q, take, ct)))
            .RequireAuthorization(StaffRoles.SupervisorPolicy)
            .WithSummary("Search call transcripts by words in the masked text, newest first, with the case's receipt number");
        return app;
    }
}
