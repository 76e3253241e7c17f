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
        MapRecording(api, citizen);
        return app;
    }

    /// <summary>Consented recording (Minwon:Video:Recording): consent on both sides, chunk upload, access-logged playback.</summary>
    private static void MapRecording(RouteGroupBuilder api, RouteGroupBuilder citizen)
    {
        citizen.MapGet("/{token}/recording", async Task<Ok<VideoRecordingState>> (string token, VideoRecordings recordings, CancellationToken ct) =>
            TypedResults.Ok(await recordings.CitizenStateAsync(token, ct)))
            .WithSummary("The citizen's view of recording consent for an open video call (none, requested, given, refused)");
        citizen.MapPost("/{token}/recording/consent", async Task<Ok<VideoRecordingState>> (string token, VideoRecordingConsentRequest? request,
            VideoRecordings recordings, CancellationToken ct) => TypedResults.Ok(await recordings.AnswerAsync(token, request, ct)))
            .WithMetadata(new RequestSizeLimitAttribute(1024))
            .WithSummary("The citizen agrees to or declines the counsellor's recording request; recording starts only after agreement");

        var staff = api.MapGroup("/conversations/{id:guid}/recording").RequireAuthorization(StaffRoles.StaffPolicy);
        staff.MapPost("/consent-request", async Task<Ok<VideoRecordingState>> (Guid id, ClaimsPrincipal user, VideoRecordings recordings,
            CancellationToken ct) => TypedResults.Ok(await recordings.RequestConsentAsync(id, user, ct)))
            .WithSummary("The counsellor holding the video call asks the citizen's consent to record (an event on both sides)");
        staff.MapGet("/state", async Task<Ok<VideoRecordingState>> (Guid id, ClaimsPrincipal user, VideoRecordings recordings,
            CancellationToken ct) => TypedResults.Ok(await recordings.StaffStateAsync(id, user, ct)))
            .WithSummary("Recording consent and chunks stored, for the counsellor holding the video call");
        staff.MapPost("/parts", async Task<Ok<VideoRecordingPartStarted>> (Guid id, ClaimsPrincipal user, VideoRecordings recordings,
            CancellationToken ct) => TypedResults.Ok(await recordings.StartPartAsync(id, user, ct)))
            .WithSummary("The desk's MediaRecorder starts: the part (0, 1, ...) its WebM stream goes into, from chunk 0; only after consent");
        staff.MapPut("/parts/{part:int}/chunks/{seq:long}", async Task<Ok<VideoRecordingChunkStored>> (Guid id, int part, long seq, ClaimsPrincipal user,
            HttpRequest request, VideoRecordings recordings, CancellationToken ct) =>
            TypedResults.Ok(await recordings.AppendAsync(id, user, part, seq, request.ContentType, request.Body, request.ContentLength, ct)))
            .WithMetadata(new RequestSizeLimitAttribute(2 * 1024 * 1024))
            .WithSummary("Upload chunk seq (0, 1, 2, ...) of the latest part's WebM; a repeated chunk is not stored twice; only after consent");
        staff.MapGet("/parts", async Task<Ok<List<VideoRecordingPartDto>>> (Guid id, ClaimsPrincipal user, VideoRecordings recordings,
            CancellationToken ct) => TypedResults.Ok(await recordings.PartsAsync(id, user, ct)))
            .WithSummary("The parts of a video call's recording in playing order (supervisors, administrators and its counsellor; empty for others)");
        staff.MapGet("/parts/{part:int}", async Task<Results<FileStreamHttpResult, NotFound>> (Guid id, int part, ClaimsPrincipal user, HttpContext http,
            VideoRecordings recordings, CancellationToken ct) =>
        {
            var video = await recordings.OpenAsync(id, part, user, http.Connection.RemoteIpAddress?.ToString(), ct);
            if (video is null)
            {
                return TypedResults.NotFound();
            }

            http.Response.Headers.CacheControl = "no-store";
            return TypedResults.File(video, "video/webm", enableRangeProcessing: true);
        }).WithSummary("Play one part of a video call's recording (WebM decrypted as it streams, ranges for seeking; every request is access-logged)");
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
