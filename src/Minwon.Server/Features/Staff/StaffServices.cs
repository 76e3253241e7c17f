using Microsoft.AspNetCore.Identity;
using Minwon.Server.Data;

namespace Minwon.Server.Features.Staff;

public static class StaffServices
{
    /// <summary>ASP.NET Core Identity with cookie sign-in, guessing limits (per address, then per account), and role policies.</summary>
    public static WebApplicationBuilder AddStaff(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SignInOptions>().BindConfiguration(SignInOptions.Section);
        var signIn = builder.Configuration.GetSection(SignInOptions.Section).Get<SignInOptions>() ?? new SignInOptions();
        builder.Services.AddIdentity<StaffUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                // The account-wide lockout is only the backstop against many addresses; one address is slowed by
                // LoginThrottle long before, so an anonymous caller cannot lock a counsellor out (docs/security.md).
                o.Lockout.MaxFailedAccessAttempts = Math.Max(1, signIn.AccountLockoutFailures);
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(Math.Max(1, signIn.AccountLockoutMinutes));
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<MinwonDbContext>()
            .AddDefaultTokenProviders();
        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/login";
            o.AccessDeniedPath = "/login";
            o.Cookie.Name = "minwon.staff";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(10);
            // APIs answer 401/403 instead of redirecting to the sign-in page.
            o.Events.OnRedirectToLogin = ctx => Deny(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => Deny(ctx, StatusCodes.Status403Forbidden);
        });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(StaffRoles.StaffPolicy, p => p.RequireRole(StaffRoles.All))
            .AddPolicy(StaffRoles.SupervisorPolicy, p => p.RequireRole(StaffRoles.Supervisor, StaffRoles.Admin))
            .AddPolicy(StaffRoles.AdminPolicy, p => p.RequireRole(StaffRoles.Admin))
            .AddPolicy(StaffRoles.KnowledgeEditorPolicy, p => p.RequireRole(StaffRoles.Supervisor, StaffRoles.Admin));
        builder.Services.AddScoped<CreateStaffUser>();
        builder.Services.AddScoped<SignInStaff>();
        builder.Services.AddScoped<UnlockStaff>();
        builder.Services.AddSingleton<LoginThrottle>();
        builder.Services.AddRateLimiter(o => o.AddPolicy<string, LoginRateLimit>(LoginRateLimit.Name));
        return builder;
    }

    private static Task Deny(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api") || ctx.Request.Path.StartsWithSegments("/hubs"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
