using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Minwon.Server.Data;

namespace Minwon.Server.Features.Reference;

public static class ReferenceEndpoints
{
    public static WebApplicationBuilder AddReference(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<SeedReferenceData>();
        return builder;
    }

    public static IEndpointRouteBuilder MapReference(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/reference").WithTags("Reference");
        group.MapGet("/districts", async Task<Ok<List<District>>> (MinwonDbContext db, CancellationToken ct) =>
            TypedResults.Ok(await db.Set<District>().AsNoTracking().OrderBy(d => d.Code).ToListAsync(ct)));
        group.MapGet("/categories", async Task<Ok<List<Category>>> (MinwonDbContext db, CancellationToken ct) =>
            TypedResults.Ok(await db.Set<Category>().AsNoTracking().OrderBy(c => c.Id).ToListAsync(ct)));
        return app;
    }
}
