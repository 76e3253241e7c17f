using Minwon.Server.Data;
using Minwon.Server.Features.Knowledge;
using Minwon.Server.Features.Reference;

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
        builder.Services.AddOptions<MinwonOptions>().BindConfiguration(MinwonOptions.Section);
        builder.AddData();
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.AddReference();
        builder.Services.AddKnowledge();

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapOpenApi();
        app.MapHealth();
        app.MapReference();
        app.MapKnowledge();
        return app;
    }
}
