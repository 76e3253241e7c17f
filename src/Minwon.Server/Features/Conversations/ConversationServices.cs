using Microsoft.AspNetCore.SignalR;
using Minwon.Server.Platform;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Conversations;

public static class ConversationServices
{
    public static WebApplicationBuilder AddConversations(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ChatOptions>().BindConfiguration(ChatOptions.Section);
        builder.Services.AddSingleton<CitizenThrottle>();
        builder.Services.AddScoped<ConversationJournal>();
        builder.Services.AddScoped<StartChat>();
        builder.Services.AddScoped<PostMessage>();
        builder.Services.AddSingleton<MessagePostLimiter>();
        builder.Services.AddScoped<GetChatState>();
        builder.Services.AddScoped<LeaveChat>();
        builder.Services.AddScoped<AgentActions>();
        builder.Services.AddScoped<CloseConversation>();
        builder.Services.AddSingleton<Desk.DeskQueries>();
        builder.Services.AddHostedService<HubBridge>();
        // Citizens' messages are limited by CitizenThrottle (hub and REST alike); new chats per client address here
        // (generously: mobile carriers put many citizens behind one address).
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(CitizenStartLimit, http => Bucket("s:" + (http.Connection.RemoteIpAddress?.ToString() ?? "?"),
                Math.Max(1, http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<ChatOptions>>().Value.CitizenAddressStartsPerMinute)));
            o.OnRejected = async (context, ct) =>
            {
                await context.HttpContext.Response.WriteAsJsonAsync(new Microsoft.AspNetCore.Mvc.ProblemDetails
                {
                    Status = 429, Title = "요청이 너무 많습니다.", Detail = "잠시 후 다시 시도해 주세요.",
                }, options: null, contentType: "application/problem+json", ct);
            };
        });
        builder.Services.AddSignalR(o =>
            {
                o.MaximumReceiveMessageSize = 64 * 1024;
                o.EnableDetailedErrors = false;
                o.AddFilter<HubErrorFilter>();
            })
            // Every method error is a HubException by the filter, so detailed errors only name what the client itself
            // did wrong, above all a frame over 64 KB ("The maximum message size of 65536B was exceeded").
            .AddHubOptions<CitizenHub>(o => o.EnableDetailedErrors = true);
        builder.Logging.AddFilter("Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher", LogLevel.Critical);
        return builder;
    }

    public const string CitizenStartLimit = "citizen-start";

    private static System.Threading.RateLimiting.RateLimitPartition<string> Bucket(string key, int perMinute) =>
        System.Threading.RateLimiting.RateLimitPartition.GetTokenBucketLimiter(key, _ => new System.Threading.RateLimiting.TokenBucketRateLimiterOptions
        {
            TokenLimit = perMinute,
            TokensPerPeriod = perMinute,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });

    /// <summary>The citizen chat page, the chat and staff APIs and both hubs. Their middleware (the cross-site request guard, the rate limiter) is in MinwonHost.</summary>
    public static WebApplication MapConversations(this WebApplication app)
    {
        // Through the web root's file provider, not WebRootPath: run from build output (./minwon serve) there is no
        // physical wwwroot, only the static web assets manifest, and WebRootPath is null.
        app.MapGet("/chat", (IWebHostEnvironment env) => TypedResults.Stream(
            env.WebRootFileProvider.GetFileInfo("chat/index.html").CreateReadStream(), "text/html; charset=utf-8"))
            .ExcludeFromDescription();
        app.MapChatApi();
        app.MapStaffConversationApi();
        app.MapHub<CitizenHub>("/hubs/citizen").AllowCrossSite(CrossSitePolicy.EmbeddingSites);
        app.MapHub<StaffHub>("/hubs/staff");
        return app;
    }
}
