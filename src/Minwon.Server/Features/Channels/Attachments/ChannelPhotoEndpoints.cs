using Microsoft.AspNetCore.Http.HttpResults;
using Minwon.Server.Features.Staff;

namespace Minwon.Server.Features.ChannelAdapters.Attachments;

/// <summary>A conversation's photos for the desk: the list (with text alternatives) and each image, access-checked.</summary>
public static class ChannelPhotoEndpoints
{
    public static void Map(RouteGroupBuilder channels)
    {
        channels.MapGet("/conversations/{id:guid}/photos", async Task<Ok<List<ChannelPhotoDto>>> (Guid id, ChannelPhotos photos, HttpContext http,
            CancellationToken ct) => TypedResults.Ok(await photos.ListAsync(id, http.User, ct)))
            .RequireAuthorization(StaffRoles.StaffPolicy)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The photos the citizen sent in this conversation (MMS, mail), each with its image URL and a text alternative");

        channels.MapGet("/photos/{id:long}", async (long id, ChannelPhotos photos, HttpContext http, CancellationToken ct) =>
        {
            var (path, contentType) = await photos.OpenAsync(id, http.User, ct);
            http.Response.Headers.XContentTypeOptions = "nosniff";
            http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
            // Personal data: kept by no shared cache, and by the browser only as long as the desk shows it.
            http.Response.Headers.CacheControl = "private, no-store";
            return Results.File(path, contentType);
        }).RequireAuthorization(StaffRoles.StaffPolicy)
            .Produces(StatusCodes.Status200OK, contentType: "image/jpeg")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status410Gone)
            .WithSummary("One photo a citizen sent (shown inline on the desk), for staff who may see its conversation");
    }
}
