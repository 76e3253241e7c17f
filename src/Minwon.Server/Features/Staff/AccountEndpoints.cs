using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Minwon.Server.Data;

namespace Minwon.Server.Features.Staff;

/// <summary>Cookie sign-in and sign-out for the staff UI (form posts with antiforgery), and the administrator's unlock.</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapStaff(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/account").ExcludeFromDescription();
        account.MapPost("/login", async ([FromForm] string userName, [FromForm] string password, [FromForm] string? returnUrl,
            HttpContext http, SignInStaff signIn) =>
        {
            var outcome = await signIn.HandleAsync(userName, password, http.Connection.RemoteIpAddress);
            if (outcome != SignInOutcome.SignedIn)
            {
                return Results.Redirect(outcome == SignInOutcome.Wait ? "/login?error=wait" : "/login?error=invalid");
            }

            // Only local paths, so the sign-in page cannot be used to send staff to another site.
            var target = returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
                ? returnUrl : "/desk";
            return Results.LocalRedirect(target);
        }).RequireRateLimiting(LoginRateLimit.Name).WithMetadata(new RequestSizeLimitAttribute(16 * 1024));
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

        var staff = app.MapGroup("/api/staff").WithTags("Staff").RequireAuthorization(StaffRoles.AdminPolicy);
        staff.MapPost("/{userName}/unlock", async Task<Results<NoContent, NotFound>> (string userName, UnlockStaff unlock) =>
            await unlock.HandleAsync(userName) ? TypedResults.NoContent() : TypedResults.NotFound())
            .WithSummary("Lift an account's sign-in lockout and failure counts (administrators)");
        return app;
    }
}
