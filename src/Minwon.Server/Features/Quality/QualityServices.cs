using Minwon.Server.Features.Staff;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Quality;

/// <summary>Service quality (KSQI): every closed consultation scored, screens for supervisors, counsellors and administrators.</summary>
public static class QualityServices
{
    public static WebApplicationBuilder AddQuality(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<QualityOptions>().BindConfiguration(QualityOptions.Section);
        builder.Services.AddSingleton<ScorecardStore>();
        builder.Services.AddScoped<ChatConsultations>();
        builder.Services.AddScoped<ScoreConsultation>();
        builder.Services.AddScoped<ScoreClosedConsultations>();
        builder.Services.AddScoped<QualityQueries>();
        builder.Services.AddScoped<QualityReports>();
        builder.Services.AddScoped<QualityActions>();
        if (builder.Configuration.GetValue($"{QualityOptions.Section}:Enabled", true))
        {
            builder.Services.AddEventConsumer<QualityConsumer>();
        }

        return builder;
    }

    public static WebApplication MapQuality(this WebApplication app)
    {
        var api = app.MapGroup("/api/quality").RequireAuthorization(StaffRoles.StaffPolicy).WithTags("Quality");
        QualityEndpoints.Map(api);
        return app;
    }
}
