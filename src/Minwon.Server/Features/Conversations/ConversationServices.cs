using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Conversations;

public static class ConversationServices
{
    public static WebApplicationBuilder AddConversations(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ChatOptions>().BindConfiguration(ChatOptions.Section);
        builder.Services.AddSingleton<LiveBus>();
        builder.Services.AddSingleton<CitizenThrottle>();
        builder.Services.AddScoped<ConversationJournal>();
        builder.Services.AddScoped<StartChat>();
        builder.Services.AddScoped<PostMessage>();
        builder.Services.AddScoped<GetChatState>();
        builder.Services.AddScoped<LeaveChat>();
        builder.Services.AddScoped<AgentActions>();
        builder.Services.AddScoped<CloseConversation>();
        builder.Services.AddSingleton<Desk.DeskQueries>();
        builder.Services.AddHostedService<HubBridge>();
        // The hub throttles per connection; over plain HTTP a conversation's messages are limited per conversation
        // token, and new chats per client address (generously: mobile carriers put many citizens behind one address).
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(CitizenMessageLimit, http => Bucket("m:" + (http.Request.RouteValues["token"] as string ?? "?"), 120));
            o.AddPolicy(CitizenStartLimit, http => Bucket("s:" + (http.Connection.RemoteIpAddress?.ToString() ?? "?"), 600));
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
        });
        return builder;
    }

    public const string CitizenMessageLimit = "citizen-messages";
    public const string CitizenStartLimit = "citizen-start";

    private static System.Threading.RateLimiting.RateLimitPartition<string> Bucket(string key, int perMinute) =>
        System.Threading.RateLimiting.RateLimitPartition.GetTokenBucketLimiter(key, _ => new System.Threading.RateLimiting.TokenBucketRateLimiterOptions
        {
            TokenLimit = perMinute,
            TokensPerPeriod = perMinute,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });

    /// <summary>The citizen chat page, the chat and staff APIs and both hubs. Their middleware (HubOriginGuard, the rate limiter) is in MinwonHost.</summary>
    public static WebApplication MapConversations(this WebApplication app)
    {
        // Through the web root's file provider, not WebRootPath: run from build output (./minwon serve) there is no
        // physical wwwroot, only the static web assets manifest, and WebRootPath is null.
        app.MapGet("/chat", (IWebHostEnvironment env) => TypedResults.Stream(
            env.WebRootFileProvider.GetFileInfo("chat/index.html").CreateReadStream(), "text/html; charset=utf-8"))
            .ExcludeFromDescription();
        app.MapChatApi();
        app.MapStaffConversationApi();
        app.MapHub<CitizenHub>("/hubs/citizen");
        app.MapHub<StaffHub>("/hubs/staff");
        return app;
    }
}
