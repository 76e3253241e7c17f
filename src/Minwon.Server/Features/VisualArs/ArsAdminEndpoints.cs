using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Minwon.Core.VisualArs;
using Minwon.Server.Data;
using Minwon.Server.Features.Staff;
using Minwon.Server.Platform;

namespace Minwon.Server.Features.VisualArs;

public sealed record ArsDraftSaved(IReadOnlyList<string> Problems);

public sealed record ArsPublished(int Version);

/// <summary>Menu administration over HTTP (the Blazor editor and the CLI do the same through ArsMenuStore), and staff photo download.</summary>
public static class ArsAdminEndpoints
{
    public static IEndpointRouteBuilder MapArsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/ars").WithTags("Visual ARS");
        api.MapGet("/menu", async (ArsMenuStore store, CancellationToken ct) =>
            Results.Content(ArsJson.Serialize((await store.GetPublishedAsync(ct)).Menu), "application/json; charset=utf-8"))
            .AllowAnonymous().WithSummary("The published menu tree (for the web page, the voice menu and the callbot)");

        var admin = api.MapGroup("/menu").RequireAuthorization(StaffRoles.AdminPolicy);
        admin.MapGet("/draft", async (ArsMenuStore store, CancellationToken ct) =>
            Results.Content(ArsJson.Serialize(await store.GetDraftAsync(ct)), "application/json; charset=utf-8"))
            .WithSummary("The draft being edited (a copy of the published menu when there is none)");
        admin.MapPut("/draft", async Task<Ok<ArsDraftSaved>> (HttpRequest request, HttpContext http, ArsMenuStore store, CancellationToken ct) =>
            TypedResults.Ok(new ArsDraftSaved(await store.SaveDraftAsync(await ReadMenuAsync(request, ct), http.User.Identity?.Name, ct))))
            .WithSummary("Save the draft; returns the problems that would block publishing");
        admin.MapPost("/publish", async Task<Ok<ArsPublished>> (HttpContext http, ArsMenuStore store, CancellationToken ct) =>
            TypedResults.Ok(new ArsPublished(await store.PublishDraftAsync(http.User.Identity?.Name, ct))))
            .WithSummary("Publish the draft; 400 with every problem listed when it is not sound");
        admin.MapGet("/export", async (bool? draft, ArsMenuStore store, CancellationToken ct) =>
        {
            var menu = draft == true ? await store.GetDraftAsync(ct) : (await store.GetPublishedAsync(ct)).Menu;
            return Results.File(System.Text.Encoding.UTF8.GetBytes(ArsJson.Serialize(menu, indented: true)), "application/json", "ars-menu.json");
        }).WithSummary("Download the menu as JSON (published, or the draft with ?draft=true)");
        admin.MapPost("/import", async Task<Ok<ArsDraftSaved>> (bool? publish, HttpRequest request, HttpContext http, ArsMenuStore store, CancellationToken ct) =>
        {
            var problems = await store.SaveDraftAsync(await ReadMenuAsync(request, ct), http.User.Identity?.Name, ct);
            if (publish == true)
            {
                await store.PublishDraftAsync(http.User.Identity?.Name, ct);
            }

            return TypedResults.Ok(new ArsDraftSaved(problems));
        }).WithSummary("Replace the draft with a JSON menu; ?publish=true publishes it when it is sound");

        api.MapGet("/uploads/{id:guid}", async (Guid id, MinwonDbContext db, ArsUploadStore uploads, HttpContext http, CancellationToken ct) =>
        {
            var upload = await db.Set<ArsUpload>().AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct)
                ?? throw ProblemException.NotFound("첨부 파일을 찾을 수 없습니다.");
            http.Response.Headers.XContentTypeOptions = "nosniff";
            http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
            return Results.File(uploads.PathOf(upload), upload.ContentType, $"ars-{upload.Id:N}{Path.GetExtension(upload.StoredName)}");
        }).RequireAuthorization(StaffRoles.StaffPolicy).WithSummary("A citizen's photo, as an attachment, for staff only");
        return app;
    }

    internal static async Task<ArsMenu> ReadMenuAsync(HttpRequest request, CancellationToken ct)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<ArsMenu>(request.Body, ArsJson.Options, ct)
                ?? throw ProblemException.Invalid("메뉴 JSON이 비어 있습니다.");
        }
        catch (JsonException e)
        {
            throw ProblemException.Invalid($"메뉴 JSON을 읽을 수 없습니다: {e.Path} 부근 ({e.LineNumber + 1}번째 줄).");
        }
    }
}
