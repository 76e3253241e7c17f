using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Minwon.Server.Data;

namespace Minwon.Server.Features.Staff;

/// <summary>Cookie sign-in and sign-out for the staff UI (form posts with antiforgery).</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapStaff(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/account").ExcludeFromDescription();
        account.MapPost("/login", async ([FromForm] string userName, [FromForm] string password, [FromForm] string? returnUrl,
            SignInManager<StaffUser> signIn) =>
        {
            var result = await signIn.PasswordSignInAsync(userName, password, isPersistent: false, lockoutOnFailure: true);
            if (result.IsLockedOut)
            {
                return Results.Redirect("/login?error=locked");
            }

            if (!result.Succeeded)
            {
                return Results.Redirect("/login?error=invalid");
            }

            // Only local paths, so the sign-in page cannot be used to send staff to another site.
            var target = returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
                ? returnUrl : "/desk";
            return Results.LocalRedirect(target);
        });
        account.MapPost("/logout", async (SignInManager<StaffUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/login");
        });
        return app;
    }
}
