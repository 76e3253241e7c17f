namespace Minwon.Server.Features.Chatbot;

public static class ChatbotServices
{
    public static WebApplicationBuilder AddChatbot(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ChatbotOptions>().BindConfiguration(ChatbotOptions.Section);
        builder.Services.AddScoped<ChatbotReply>();
        builder.Services.AddSingleton<ChatbotWorker>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ChatbotWorker>());
        return builder;
    }
}
