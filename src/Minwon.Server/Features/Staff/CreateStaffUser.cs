using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Minwon.Server.Data;
using Minwon.Server.Features.Routing;

namespace Minwon.Server.Features.Staff;

public sealed record StaffUserRequest(string UserName, string Password, string Role, string DisplayName, string? Skills = null, int MaxConcurrent = 3);

/// <summary>Creates a staff account (and, for counsellors and supervisors, a routing profile); used by the CLI and demo seed.</summary>
public sealed class CreateStaffUser(UserManager<StaffUser> users, RoleManager<IdentityRole> roles, MinwonDbContext db, TimeProvider clock)
{
    public const string DefaultSkills = "lang:ko=10,channel:chat=8,channel:phone=8";

    public async Task<IdentityResult> HandleAsync(StaffUserRequest request, bool updateIfExists, CancellationToken cancellationToken)
    {
        if (!StaffRoles.All.Contains(request.Role))
        {
            return IdentityResult.Failed(new IdentityError { Code = "role", Description = $"Unknown role '{request.Role}'. Use one of: {string.Join(", ", StaffRoles.All)}." });
        }

        foreach (var role in StaffRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        // Shown to citizens and colleagues: one line, no control characters or bidi overrides.
        request = request with { DisplayName = Minwon.Core.TextSafety.UnsafeCharacters.CleanName(request.DisplayName).Trim() };
        var user = await users.FindByNameAsync(request.UserName);
        if (user is not null && !updateIfExists)
        {
            return IdentityResult.Failed(new IdentityError { Code = "exists", Description = $"User '{request.UserName}' already exists." });
        }

        if (user is null)
        {
            user = new StaffUser { UserName = request.UserName, DisplayName = request.DisplayName, LockoutEnabled = true };
            var created = await users.CreateAsync(user, request.Password);
            if (!created.Succeeded)
            {
                return created;
            }
        }

        if (!await users.IsInRoleAsync(user, request.Role))
        {
            await users.AddToRoleAsync(user, request.Role);
        }

        if (request.Role != StaffRoles.Admin && await db.Set<AgentProfile>().FindAsync([user.Id], cancellationToken) is null)
        {
            db.Add(new AgentProfile
            {
                UserId = user.Id,
                DisplayName = request.DisplayName,
                Skills = request.Skills ?? DefaultSkills,
                MaxConcurrent = request.MaxConcurrent,
                PresenceSince = clock.GetUtcNow(),
                IdleSince = clock.GetUtcNow(),
            });
            await db.SaveChangesAsync(cancellationToken);
        }

        return IdentityResult.Success;
    }
}
