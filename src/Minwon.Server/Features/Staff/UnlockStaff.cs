using Microsoft.AspNetCore.Identity;
using Minwon.Server.Data;

namespace Minwon.Server.Features.Staff;

/// <summary>An administrator lifts an account's lockout and its failure count (API and `minwon user unlock`).</summary>
public sealed class UnlockStaff(UserManager<StaffUser> users, LoginThrottle throttle)
{
    /// <returns>False when no account has that name.</returns>
    public async Task<bool> HandleAsync(string userName)
    {
        var user = await users.FindByNameAsync(userName);
        if (user is null)
        {
            return false;
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        throttle.Forget(userName);
        return true;
    }
}
