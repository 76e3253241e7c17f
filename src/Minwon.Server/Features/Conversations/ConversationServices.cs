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
        builder.Services.AddScoped<DeskQueries>();
        builder.Services.AddHostedService<HubBridge>();
        builder.Services.AddSignalR(o =>
        {
            o.MaximumReceiveMessageSize = 64 * 1024;
            o.EnableDetailedErrors = false;
        });
        return builder;
    }

    public static WebApplication MapConversations(this WebApplication app)
    {
        app.UseMiddleware<HubOriginGuard>();
        app.MapChatApi();
        app.MapStaffConversationApi();
        app.MapHub<CitizenHub>("/hubs/citizen");
        app.MapHub<StaffHub>("/hubs/staff");
        return app;
    }
}
