using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Minwon.Server.Data;

namespace Minwon.Server.Features.Staff;

/// <summary>Cookie sign-in and sign-out for the staff UI (form posts with antiforgery).</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccount(this IEndpointRouteBuilder app)
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
        // No form field to bind, so the framework would not check the form's token: checked here.
        account.MapPost("/logout", async (HttpContext http, IAntiforgery antiforgery, SignInManager<StaffUser> signIn) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "요청이 올바르지 않습니다.",
                    detail: "로그아웃 양식이 만료되었습니다. 화면을 새로 고친 뒤 다시 시도하세요.");
            }

            await signIn.SignOutAsync();
            return Results.LocalRedirect("/login");
        });
        return app;
    }
}
