using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Minwon.Server.Data;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Features.Staff;
using Minwon.Server.Features.Voice.Media;
using Minwon.Server.Features.Voice.Recording;
using Minwon.Server.Features.Voice.Transports;
using Minwon.Server.Platform;

namespace Minwon.Server.Features.Voice;

/// <summary>The voice API (/api/voice) and the media sockets (/voice/...); the protocol is in docs/voice.md.</summary>
public static class VoiceEndpoints
{
    public static IEndpointRouteBuilder MapVoiceApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/voice").WithTags("Voice");
        api.MapPost("/calls", async Task<Created<AnnounceCallResponse>> (AnnounceCallRequest request, HttpContext http, AnnounceCall handler,
            IOptions<VoiceOptions> options, CancellationToken ct) =>
        {
            RequireKey(http, options);
            var announced = await handler.HandleAsync(request, ct);
            return TypedResults.Created($"/api/voice/calls/{announced.CallId}", announced);
        }).AllowAnonymous().AllowCrossSite(CrossSitePolicy.AnyOrigin)
            .WithSummary("The PBX announces a caller (uuid, from, to) before connecting AudioSocket (X-Api-Key)");

        api.MapPost("/webcalls", async Task<Created<StartWebCallResponse>> (StartWebCallRequest? request, StartWebCall handler, CancellationToken ct) =>
        {
            var started = await handler.HandleAsync(request, ct);
            return TypedResults.Created($"/api/voice/calls/{started.CallId}", started);
        }).AllowAnonymous().RequireRateLimiting(ConversationServices.CitizenStartLimit).AllowCrossSite(CrossSitePolicy.EmbeddingSites)
            .WithMetadata(new RequestSizeLimitAttribute(1024))
            .WithSummary("A citizen starts a web call (전화로 상담), optionally with a number for a callback; the returned token opens the media socket");

        var staff = api.MapGroup("/").RequireAuthorization(StaffRoles.StaffPolicy);
        staff.MapGet("/calls", async Task<Ok<List<CallDto>>> (ClaimsPrincipal user, MinwonDbContext db, CancellationToken ct) =>
        {
            var me = user.Id();
            var query = db.Set<Call>().AsNoTracking().Where(c => c.State != CallState.Ended && c.State != CallState.Announced);
            // A counsellor sees the calls they hold or are consulted on, and the call being offered to them (to answer it).
            query = user.SeesWholeCenter() ? query : query.Where(c => c.AgentId == me || c.ConsultAgentId == me
                || db.Set<Conversation>().Any(v => v.Id == c.ConversationId && v.OfferedToId == me && v.Status == Core.Conversations.ConversationStatus.Offered));
            var list = await query.OrderBy(c => c.CreatedAt).Take(500).ToListAsync(ct);
            return TypedResults.Ok(list.Select(c => CallControls.ToDto(c, user)).ToList());
        }).WithSummary("Live calls: a counsellor's own and the one offered to them, or the whole center for supervisors");
        staff.MapGet("/calls/{id:guid}", async Task<Ok<CallDto>> (Guid id, ClaimsPrincipal user, CallControls controls, CancellationToken ct) =>
            TypedResults.Ok(await controls.GetAsync(id, user, ct)));
        staff.MapPost("/calls/{id:guid}/answer", async Task<Ok<CallDto>> (Guid id, ClaimsPrincipal user, CallControls controls, CancellationToken ct) =>
            TypedResults.Ok(await controls.AnswerAsync(id, user.Id(), ct))).WithSummary("Answer the call offered to me; then open MediaPath");
        staff.MapPost("/calls/{id:guid}/mute", async Task<NoContent> (Guid id, ToggleRequest request, ClaimsPrincipal user, CallControls controls, CancellationToken ct) =>
        {
            await controls.MuteAsync(id, user.Id(), request.On, ct);
            return TypedResults.NoContent();
        });
        staff.MapPost("/calls/{id:guid}/hold", async Task<NoContent> (Guid id, ToggleRequest request, ClaimsPrincipal user, CallControls controls, CancellationToken ct) =>
        {
            await controls.HoldAsync(id, user.Id(), request.On, ct);
            return TypedResults.NoContent();
        }).WithSummary("Hold (music to the caller) or resume");
        staff.MapPost("/calls/{id:guid}/dtmf", async Task<NoContent> (Guid id, DtmfRequest request, ClaimsPrincipal user, CallControls controls, CancellationToken ct) =>
        {
            await controls.DtmfAsync(id, user.Id(), request.Digits, ct);
            return TypedResults.NoContent();
        }).WithSummary("Send keypad tones to the caller's side");
        staff.MapPost("/calls/{id:guid}/transfer", async Task<NoContent> (Guid id, CallTransferRequest request, ClaimsPrincipal user, CallControls controls,
            CancellationToken ct) =>
        {
            await controls.TransferAsync(id, user.Id(), request, ct);
            return TypedResults.NoContent();
        }).WithSummary("Blind transfer to a queue or a named counsellor");
        staff.MapPost("/calls/{id:guid}/consult", async Task<Ok<CallDto>> (Guid id, CallTransferRequest request, ClaimsPrincipal user, CallControls controls,
            CancellationToken ct) => TypedResults.Ok(await controls.ConsultAsync(id, user.Id(), request, ct)))
            .WithSummary("Warm transfer: consult a colleague (or the longest-idle counsellor of a queue) while the caller holds");
        staff.MapPost("/calls/{id:guid}/consult/complete", async Task<NoContent> (Guid id, ClaimsPrincipal user, CallControls controls, CancellationToken ct) =>
        {
            await controls.CompleteConsultAsync(id, user.Id(), ct);
            return TypedResults.NoContent();
        });
        staff.MapPost("/calls/{id:guid}/consult/cancel", async Task<NoContent> (Guid id, ClaimsPrincipal user, CallControls controls, CancellationToken ct) =>
        {
            await controls.CancelConsultAsync(id, user.Id(), ct);
            return TypedResults.NoContent();
        });
        staff.MapPost("/calls/{id:guid}/hangup", async Task<NoContent> (Guid id, ClaimsPrincipal user, CallControls controls, CancellationToken ct) =>
        {
            await controls.HangUpAsync(id, user.Id(), ct);
            return TypedResults.NoContent();
        }).WithSummary("Hang up; the conversation waits in wrap-up for its case (POST /api/conversations/{id}/close)");
        staff.MapPost("/calls/{id:guid}/monitor", async Task<Ok<CallDto>> (Guid id, MonitorRequest request, ClaimsPrincipal user, CallControls controls,
            CancellationToken ct) => TypedResults.Ok(await controls.MonitorAsync(id, user, request.Mode, ct)))
            .WithSummary("Supervisors: listen, whisper (heard by the counsellor only) or barge in; then open MediaPath");
        staff.MapGet("/conversations/{id:guid}/recordings", async Task<Ok<List<RecordingDto>>> (Guid id, ClaimsPrincipal user, PlayRecording play,
            CancellationToken ct) => TypedResults.Ok(await play.ListAsync(id, user, ct)));
        staff.MapGet("/recordings/{id:guid}", async Task<Results<FileStreamHttpResult, NotFound>> (Guid id, bool? download, ClaimsPrincipal user,
            HttpContext http, PlayRecording play, CancellationToken ct) =>
        {
            var audio = await play.OpenAsync(id, user, download == true, http.Connection.RemoteIpAddress?.ToString(), ct);
            if (audio is null)
            {
                return TypedResults.NotFound();
            }

            http.Response.Headers.CacheControl = "no-store";
            return TypedResults.File(audio, "audio/wav", download == true ? $"recording-{id:N}.wav" : null, enableRangeProcessing: true);
        }).WithSummary("Play a call recording (WAV; every playback is access-logged); ?download=true for supervisors and admins");
        staff.MapGet("/stats", async Task<Ok<VoiceFigures>> (VoiceStats stats, CancellationToken ct) => TypedResults.Ok(await stats.HandleAsync(ct)))
            .RequireAuthorization(StaffRoles.SupervisorPolicy).WithSummary("Voice wallboard: waiting, longest wait, service level, abandonment, handling time per channel");
        return app;
    }

    public static IEndpointRouteBuilder MapVoiceMedia(this IEndpointRouteBuilder app)
    {
        // The citizen's web-call page (wwwroot/call), served like /chat through the web root's file provider.
        app.MapGet("/call", (IWebHostEnvironment env) => TypedResults.Stream(
            env.WebRootFileProvider.GetFileInfo("call/index.html").CreateReadStream(), "text/html; charset=utf-8"))
            .ExcludeFromDescription().AllowAnonymous();

        app.Map("/voice/media-stream", async (HttpContext http, CallManager calls, IOptions<VoiceOptions> options, LoopbackTelephony loopback,
            ILoggerFactory logs, IHostApplicationLifetime life) =>
        {
            if (!http.WebSockets.IsWebSocketRequest)
            {
                throw ProblemException.Invalid("A WebSocket upgrade in the Twilio Media Streams format is expected here.");
            }

            var trusted = VoiceAuth.RequestHasKey(http, options) || loopback.Allows(http);
            if (!trusted && options.Value.ApiKey.Length == 0)
            {
                throw new ProblemException(StatusCodes.Status401Unauthorized, "API 키가 설정되지 않았습니다.");
            }

            using var socket = await http.WebSockets.AcceptWebSocketAsync();
            await new MediaStreamSession(socket, calls, options.Value, trusted, logs.CreateLogger("Minwon.Voice.MediaStream"))
                .RunAsync(life.ApplicationStopping);
        }).ExcludeFromDescription().AllowCrossSite(CrossSitePolicy.AnyOrigin);

        app.Map("/voice/ws/webcall", async (HttpContext http, string? token, string? lang, CallManager calls, IOptions<ChatOptions> chat,
            MinwonDbContext db, ILoggerFactory logs, IHostApplicationLifetime life, CancellationToken ct) =>
        {
            RequireSocket(http, chat);
            var call = token is { Length: > 0 and <= 64 }
                ? await db.Set<Call>().AsNoTracking().FirstOrDefaultAsync(c => c.Transport == CallRecords.WebCall && c.ExternalId == token, ct)
                : null;
            if (call is not { State: CallState.Announced })
            {
                throw ProblemException.NotFound("통화를 찾을 수 없습니다.");
            }

            using var socket = await http.WebSockets.AcceptWebSocketAsync();
            var leg = new MediaLeg(LegRole.Caller, BrowserLegSession.WireRate);
            var browser = new BrowserLegSession(socket, calls, logs.CreateLogger("Minwon.Voice.Browser"));
            var session = calls.Open(CallRecords.WebCall, leg, _ => Task.CompletedTask);
            // The page's language (from StartWebCall's media path), for the callbot's sentences.
            session.PageLanguage = lang is { Length: > 0 and <= 10 } ? lang : null;
            await browser.RunAsync(session, leg, isCaller: true, life.ApplicationStopping,
                () => calls.StartAsync(session, token!, null, null, life.ApplicationStopping));
        }).ExcludeFromDescription().AllowAnonymous().AllowCrossSite(CrossSitePolicy.EmbeddingSites);

        app.Map("/voice/ws/staff", async (HttpContext http, Guid callId, string? role, ClaimsPrincipal user, CallManager calls,
            IOptions<ChatOptions> chat, MinwonDbContext db, ILoggerFactory logs, IHostApplicationLifetime life, CancellationToken ct) =>
        {
            RequireSocket(http, chat);
            var call = await db.Set<Call>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == callId, ct);
            var me = user.Id();
            LegRole? legRole = role switch
            {
                "agent" when call?.AgentId == me => LegRole.Agent,
                "consult" when call?.ConsultAgentId == me => LegRole.Consult,
                "monitor" when call?.MonitorId == me && user.SeesWholeCenter() => CallControls.RoleOf(call.MonitorMode),
                _ => null,
            };
            if (call is null || legRole is null || call.State == CallState.Ended)
            {
                throw ProblemException.NotFound("통화를 찾을 수 없습니다.");
            }

            if (calls.Find(callId) is not { } session)
            {
                throw ProblemException.Conflict("이 통화의 음성은 다른 서버에 있거나 이미 끝났습니다.");
            }

            using var socket = await http.WebSockets.AcceptWebSocketAsync();
            var leg = new MediaLeg(legRole.Value, session.Bridge.SampleRate, me) { Muted = legRole == LegRole.Agent && call.AgentMuted };
            calls.Attach(session, leg);
            await new BrowserLegSession(socket, calls, logs.CreateLogger("Minwon.Voice.Browser")).RunAsync(session, leg, isCaller: false, life.ApplicationStopping);
        }).ExcludeFromDescription().RequireAuthorization(StaffRoles.StaffPolicy);
        return app;
    }

    private static void RequireKey(HttpContext http, IOptions<VoiceOptions> options)
    {
        if (!VoiceAuth.RequestHasKey(http, options))
        {
            throw new ProblemException(StatusCodes.Status401Unauthorized, "API 키가 올바르지 않습니다.");
        }
    }

    private static void RequireSocket(HttpContext http, IOptions<ChatOptions> chat)
    {
        if (!VoiceAuth.OriginAllowed(http, chat.Value.AllowedOrigins))
        {
            throw new ProblemException(StatusCodes.Status403Forbidden, "허용되지 않은 출처입니다.");
        }

        if (!http.WebSockets.IsWebSocketRequest)
        {
            throw ProblemException.Invalid("WebSocket 연결이 필요합니다.");
        }
    }
}
