using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Minwon.Server.Features.Staff;

namespace Minwon.Server.Features.ChannelAdapters.Contacts;

/// <summary>
/// One citizen across channels: the history from every linked contact (whoever may see the contact's cases), and links
/// made and undone by counsellors and supervisors only (an administrator does not serve citizens).
/// </summary>
public static class ContactLinkEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var contacts = app.MapGroup("/api/contacts").WithTags("Contacts").RequireAuthorization(StaffRoles.StaffPolicy);
        contacts.MapGet("/{id:guid}/history", async Task<Ok<ContactHistoryDto>> (Guid id, ClaimsPrincipal user, ContactHistory history,
                CancellationToken ct) => TypedResults.Ok(await history.ReadAsync(id, user, ct)))
            .WithSummary("The conversations of a contact and of every contact linked to it, from every channel")
            .ProducesProblem(StatusCodes.Status404NotFound);
        contacts.MapPost("/{id:guid}/links", async Task<Created<ContactLinkDto>> (Guid id, LinkContactRequest request, ClaimsPrincipal user,
                HttpContext http, LinkContacts links, CancellationToken ct) =>
            {
                var link = await links.LinkAsync(id, request, user, http.Connection.RemoteIpAddress?.ToString(), ct);
                return TypedResults.Created($"/api/contacts/{id}/history", link);
            })
            .RequireAuthorization(p => p.RequireRole(StaffRoles.Counsellor, StaffRoles.Supervisor))
            .WithSummary("Links another contact (by id, phone number or e-mail address) as the same citizen, after checking; audited")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        contacts.MapDelete("/{id:guid}/links/{otherContactId:guid}", async Task<Ok<ContactLinkDto>> (Guid id, Guid otherContactId,
                ClaimsPrincipal user, HttpContext http, LinkContacts links, CancellationToken ct) =>
                TypedResults.Ok(await links.UndoAsync(id, otherContactId, user, http.Connection.RemoteIpAddress?.ToString(), ct)))
            .RequireAuthorization(p => p.RequireRole(StaffRoles.Counsellor, StaffRoles.Supervisor))
            .WithSummary("Undoes a link (the row stays as the record, marked undone); audited")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
