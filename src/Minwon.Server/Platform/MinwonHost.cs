using Minwon.Server.Components;
using Minwon.Server.Data;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Features.Reference;
using Minwon.Server.Features.Routing;
using Minwon.Server.Features.Staff;
using Minwon.Server.Features.VisualArs;

namespace Minwon.Server.Platform;

/// <summary>Builds the one deployable: every capability adds its services and maps its endpoints here.</summary>
public static class MinwonHost
{
    public static WebApplication Build(string[] args, bool commandLine = false)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (commandLine)
        {
            // Commands write their results to standard output; logs must not mix into it.
            builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        }

        builder.Services.AddSingleton(TimeProvider.System);
        if (!commandLine)
        {
            builder.Services.AddHostedService<DatabaseInitializer>();
        }

        builder.Services.AddOptions<MinwonOptions>().BindConfiguration(MinwonOptions.Section);
        builder.AddData();
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.AddOpenApi();
        builder.Services.AddReference();
        builder.AddStaff();
        builder.AddConversations();
        builder.AddContactRouting();
        builder.AddVisualArs();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddCascadingAuthenticationState();

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapOpenApi();
        app.MapStaticAssets();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapHealth();
        app.MapReference();
        app.MapConversations();
        app.MapRoutingApi();
        app.MapAccount();
        app.MapVisualArs();
        app.MapGet("/chat", (IWebHostEnvironment env) => TypedResults.PhysicalFile(
            Path.Combine(env.WebRootPath, "chat", "index.html"), "text/html; charset=utf-8")).ExcludeFromDescription();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
