using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Features.Staff;
using Minwon.Server.Platform;

namespace Minwon.Server.Features.Video;

/// <summary>Sign-language video (/api/video): start a call, and STUN/TURN servers for its two participants. Signalling is on the hubs.</summary>
public static class VideoEndpoints
{
    public static IEndpointRouteBuilder MapVideoApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/video").WithTags("Video");
        var citizen = api.MapGroup("/").AllowAnonymous().AllowCrossSite(CrossSitePolicy.EmbeddingSites);
        citizen.MapPost("/calls", async Task<Created<StartVideoCallResponse>> (StartVideoCallRequest? request, StartVideoCall handler, CancellationToken ct) =>
        {
            var started = await handler.HandleAsync(request, ct);
            return TypedResults.Created($"/api/chat/{started.Token}/state", started);
        }).RequireRateLimiting(ConversationServices.CitizenStartLimit).WithMetadata(new RequestSizeLimitAttribute(2 * 1024))
            .WithSummary("A citizen starts a sign-language video call (수어 상담); the token works for /api/chat and /hubs/citizen too");
        citizen.MapGet("/{token}/ice-servers", async Task<Ok<VideoIceServers>> (string token, IssueVideoIceServers handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.ForCitizenAsync(token, ct)))
            .WithSummary("STUN/TURN servers with a time-limited TURN credential for the citizen of an open video call");

        api.MapGet("/conversations/{id:guid}/ice-servers", async Task<Ok<VideoIceServers>> (Guid id, ClaimsPrincipal user, IssueVideoIceServers handler,
            CancellationToken ct) => TypedResults.Ok(await handler.ForStaffAsync(id, user, ct)))
            .RequireAuthorization(StaffRoles.StaffPolicy)
            .WithSummary("STUN/TURN servers with a time-limited TURN credential for the counsellor the video call is assigned to");
        return app;
    }

    public static IEndpointRouteBuilder MapVideoPage(this IEndpointRouteBuilder app)
    {
        // The citizen's video page (wwwroot/video), served like /call.
        app.MapGet("/video", (IWebHostEnvironment env) => TypedResults.Stream(
            env.WebRootFileProvider.GetFileInfo("video/index.html").CreateReadStream(), "text/html; charset=utf-8"))
            .ExcludeFromDescription().AllowAnonymous();
        return app;
    }
}
