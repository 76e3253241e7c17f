using Microsoft.AspNetCore.Identity;

namespace Minwon.Server.Data;

/// <summary>A counsellor, supervisor or administrator who signs in to the staff UI.</summary>
public sealed class StaffUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
}
