using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Minwon.Server.Data;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Features.Staff;
using Minwon.Server.Features.TextSafety;
using Minwon.Server.Platform;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Protection;

public sealed record NoteRequest(string? Note);

public sealed record RevealedText(int Seq, string Text);

public static class ProtectionEndpoints
{
    public static WebApplicationBuilder AddProtection(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ProtectionOptions>().BindConfiguration(ProtectionOptions.Section);
        builder.Services.AddScoped<ProtectionActions>();
        builder.Services.AddScoped<ExportEvidence>();
        builder.Services.AddScoped<Wellbeing>();
        builder.Services.AddScoped<AccessLog>();
        builder.Services.AddSingleton<TextGuard>();
        builder.Services.AddScoped<RevealOriginal>();
        builder.Services.AddEventConsumer<ProtectionConsumer>();
        return builder;
    }

    public static AccessRecord Who(this HttpContext http, string record, string action, string? reason = null) =>
        new(http.User.Id(), StaffRoles.All.FirstOrDefault(http.User.IsInRole) ?? "unknown",
            http.Connection.RemoteIpAddress?.ToString(), record, action, reason);

    public static IEndpointRouteBuilder MapProtection(this IEndpointRouteBuilder app)
    {
        var conversations = app.MapGroup("/api/conversations").WithTags("Protection").RequireAuthorization(StaffRoles.StaffPolicy);
        conversations.MapPost("/{id:guid}/warnings", async Task<Ok<int>> (Guid id, ClaimsPrincipal user, ProtectionActions actions, CancellationToken ct) =>
            TypedResults.Ok(await actions.WarnAsync(id, user.Id(), ct))).WithSummary("Send the next standard warning script");
        conversations.MapPost("/{id:guid}/end-abusive", async Task<Ok<Guid>> (Guid id, NoteRequest request, ClaimsPrincipal user,
            ProtectionActions actions, CancellationToken ct) =>
            TypedResults.Ok((await actions.EndAsync(id, user.Id(), request.Note, ct)).Id)).WithSummary("End an abusive contact with the closing notice");
        conversations.MapPost("/{id:guid}/messages/{seq:int}/reveal", async Task<Results<Ok<RevealedText>, NotFound>> (Guid id, int seq,
            HttpContext http, RevealOriginal reveal, CancellationToken ct) =>
            await reveal.HandleAsync(id, seq, http.User, http.Connection.RemoteIpAddress?.ToString(), ct) is { } text
                ? TypedResults.Ok(new RevealedText(seq, text))
                : TypedResults.NotFound()).WithSummary("Show the unmasked original of a message (access-logged)");

        var protection = app.MapGroup("/api/protection").WithTags("Protection").RequireAuthorization(StaffRoles.SupervisorPolicy);
        protection.MapGet("/incidents", async Task<Ok<List<ProtectionIncident>>> (MinwonDbContext db, CancellationToken ct) =>
            TypedResults.Ok(await db.Set<ProtectionIncident>().AsNoTracking().OrderByDescending(i => i.OpenedAt).Take(200).ToListAsync(ct)));
        protection.MapGet("/incidents/{id:guid}/evidence", async Task<Ok<EvidenceBundle>> (Guid id, HttpContext http, ExportEvidence export,
            CancellationToken ct) => TypedResults.Ok(await export.HandleAsync(id, http.Who("", "export"), ct)))
            .WithSummary("Evidence bundle: unmasked transcript, warnings, notes (access-logged)");
        protection.MapGet("/wellbeing", async Task<Ok<List<WellbeingRow>>> (int? weeks, Wellbeing wellbeing, CancellationToken ct) =>
            TypedResults.Ok(await wellbeing.HandleAsync(weeks ?? 8, ct)));
        app.MapPost("/api/protection/incidents/{id:guid}/notes", async Task<NoContent> (Guid id, NoteRequest request, ClaimsPrincipal user,
            ProtectionActions actions, CancellationToken ct) =>
        {
            await actions.AddNoteAsync(id, user.Id(), user.SeesWholeCenter(), request.Note ?? "", ct);
            return TypedResults.NoContent();
        }).WithTags("Protection").RequireAuthorization(StaffRoles.StaffPolicy);

        var log = app.MapGroup("/api/access-log").WithTags("Access log").RequireAuthorization(StaffRoles.SupervisorPolicy);
        log.MapGet("/verify", async Task<Ok<ChainVerification>> (AccessLog accessLog, CancellationToken ct) =>
            TypedResults.Ok(await accessLog.VerifyAsync(ct)));
        log.MapGet("/report", async Task<Ok<AccessReview>> (string? month, AccessReviewReport report, CancellationToken ct) =>
            TypedResults.Ok(await report.HandleAsync(month, ct))).WithSummary("Monthly review of personal-data access for supervisors");
        return app;
    }
}
