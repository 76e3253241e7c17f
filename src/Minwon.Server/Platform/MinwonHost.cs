using Minwon.Server.Components;
using Minwon.Server.Data;
using Minwon.Server.Features.Analytics;
using Minwon.Server.Features.Assistant;
using Minwon.Server.Features.ChannelAdapters;
using Minwon.Server.Features.Chatbot;
using Minwon.Server.Features.IssueAlerting;
using Minwon.Server.Features.Protection;
using Minwon.Server.Features.Quality;
using Minwon.Server.Features.TextSafety;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Features.Knowledge;
using Minwon.Server.Features.Operations;
using Minwon.Server.Features.Reference;
using Minwon.Server.Features.Routing;
using Minwon.Server.Features.Speech;
using Minwon.Server.Features.Staff;
using Minwon.Server.Features.VisualArs;
using Minwon.Server.Platform.Events;
using Minwon.Server.Platform.Observability;
using Minwon.Server.Features.Voice;
using Minwon.Server.Features.Video;
using Minwon.Server.Features.Interpreting;

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
        builder.Services.AddSingleton<CityClock>();
        if (!commandLine)
        {
            builder.Services.AddHostedService<DatabaseInitializer>();
        }

        builder.Services.AddOptions<MinwonOptions>().BindConfiguration(MinwonOptions.Section)
            .Validate(o => MinwonOptions.AreDates(o.IssueHolidays),
                "Minwon:IssueHolidays holds an entry that is not a date: write each day as yyyy-MM-dd (e.g. 2026-06-10).")
            .ValidateOnStart();
        builder.AddData();
        builder.AddEvents();
        builder.Services.AddSingleton<NodeIdentity>();
        builder.AddObservability();
        builder.Services.AddSingleton<Leases.NodeLease>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<Leases.NodeLease>());
        builder.Services.AddProblemDetails();
        builder.Services.AddSingleton<Microsoft.AspNetCore.Http.IProblemDetailsWriter, ApiProblemWriter>();
        // The API speaks enums by name ({"presence":"Available"}, "disposition":"Answered"); numbers are still read.
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.AddOpenApi();
        // Razor output keeps Hangul literal (not &#xD55C; entities): a third of the bytes, readable in the page source;
        // markup characters are still encoded.
        builder.Services.AddSingleton(System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All));
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddCascadingAuthenticationState();
        // The visual ARS takes notices from the issue alerter and information pages from the knowledge base.
        builder.Services.AddSingleton<IArsNotices, ArsNoticesFromBoard>();
        builder.Services.AddSingleton<IArsArticles, ArsArticlesFromKnowledge>();

        // One AddX here and one MapX below per capability, in the same order.
        builder.AddReference();
        builder.AddStaff();
        builder.AddConversations();
        builder.AddContactRouting();
        builder.AddChatbot();
        builder.AddTextSafety();
        builder.AddProtection();
        builder.AddKnowledge();
        builder.AddAssistant();
        builder.AddIssueAlerting();
        builder.AddChannels();
        builder.AddVisualArs();
        builder.AddAnalytics();
        builder.AddQuality();
        builder.AddVoice();
        builder.AddVideo();
        builder.AddInterpreting();
        builder.AddOperations();
        builder.AddSpeech();
        // Last: with PostgreSQL and Redis configured it replaces the single-node leases and adds the backplane.
        builder.AddScaleOut();

        var app = builder.Build();
        app.UseExceptionHandler();
        // Unknown pages: an HTML 404 page for browsers, ProblemDetails for API clients and everything under /api.
        app.UseStatusCodePages(NotFoundPage.HandleAsync);
        // Browser security headers and the cross-site request check, once for every endpoint (docs/security.md).
        app.UseMiddleware<SecurityHeaders>();
        app.UseMiddleware<CrossSiteRequestGuard>();
        // Log scopes with conversation and call ids, and /metrics behind its access rule (docs/operations.md).
        app.UseObservability();
        app.MapOpenApi();
        app.MapStaticAssets();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        // New chats and staff sign-in are limited per client address (citizen messages by CitizenThrottle, docs/security.md).
        app.UseRateLimiter();

        app.MapHealth();
        app.MapReference();
        app.MapStaff();
        app.MapConversations();
        app.MapContactRouting();
        app.MapProtection();
        app.MapKnowledge();
        app.MapAssistant();
        app.MapIssueAlerting();
        app.MapChannels();
        app.MapVisualArs();
        app.MapAnalytics();
        app.MapQuality();
        app.MapVoice();
        app.MapVideo();
        app.MapInterpreting();
        app.MapSpeech();
        // SecurityHeaders sends the whole Content-Security-Policy, frame-ancestors included.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
        return app;
    }
}
