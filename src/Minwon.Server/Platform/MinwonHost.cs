using Minwon.Server.Components;
using Minwon.Server.Data;
using Minwon.Server.Features.Analytics;
using Minwon.Server.Features.Assistant;
using Minwon.Server.Features.Chatbot;
using Minwon.Server.Features.IssueAlerting;
using Minwon.Server.Features.Protection;
using Minwon.Server.Features.TextSafety;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Features.Knowledge;
using Minwon.Server.Features.Reference;
using Minwon.Server.Features.Routing;
using Minwon.Server.Features.Staff;

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
        builder.AddChatbot();
        builder.Services.AddTextSafety();
        builder.AddProtection();
        builder.AddAssistant();
        builder.AddIssueAlerting();
        builder.AddAnalytics();
        builder.Services.AddScoped<Features.TextSafety.AccessReviewReport>();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddKnowledge();

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
        app.MapProtection();
        app.MapAssistant();
        app.MapIssueAlerting();
        app.MapAnalytics();
        app.MapGet("/chat", (IWebHostEnvironment env) => TypedResults.PhysicalFile(
            Path.Combine(env.WebRootPath, "chat", "index.html"), "text/html; charset=utf-8")).ExcludeFromDescription();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapKnowledge();
        return app;
    }
}
