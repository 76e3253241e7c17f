using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Chatbot;

public static class ChatbotServices
{
    public static WebApplicationBuilder AddChatbot(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ChatbotOptions>().BindConfiguration(ChatbotOptions.Section);
        builder.Services.AddScoped<ChatbotReply>();
        builder.Services.AddScoped<Languages.ForeignLanguageTurn>();
        builder.Services.AddScoped<Languages.TranslatedAnswers>();
        builder.Services.AddScoped<Languages.CitizenNotices>();
        builder.Services.AddSingleton<Languages.NoticeTranslations>();
        builder.Services.AddScoped<Languages.ImportTranslations>();
        builder.Services.AddOptions<Languages.TranslationOptions>().BindConfiguration(Languages.TranslationOptions.Section);
        builder.Services.AddHttpClient<Languages.ITranslator, Languages.HttpTranslator>();
        builder.Services.AddEventConsumer<ChatbotConsumer>();
        return builder;
    }
}
