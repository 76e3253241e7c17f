using System.Security.Claims;

namespace Minwon.Server.Features.Staff;

public static class StaffPrincipal
{
    public static string Id(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Not signed in.");

    public static bool SeesWholeCenter(this ClaimsPrincipal user) =>
        user.IsInRole(StaffRoles.Supervisor) || user.IsInRole(StaffRoles.Admin);
}
