using Minwon.Server.Features.Staff;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Analytics;

/// <summary>Complaint analytics (민원 빅데이터): rollups, the DuckDB warehouse, dashboards, ad-hoc queries and export.</summary>
public static class AnalyticsServices
{
    public static WebApplicationBuilder AddAnalytics(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AnalyticsOptions>().BindConfiguration(AnalyticsOptions.Section);
        builder.Services.AddSingleton<Warehouse>();
        builder.Services.AddSingleton<DistrictMap>();
        builder.Services.AddSingleton<LoadDemoData>();
        builder.Services.AddScoped<UpdateRollups>();
        builder.Services.AddScoped<SyncWarehouse>();
        builder.Services.AddScoped<DashboardQueries>();
        builder.Services.AddScoped<AdHocQuery>();
        builder.Services.AddScoped<ExportCases>();
        if (builder.Configuration.GetValue($"{AnalyticsOptions.Section}:Enabled", true))
        {
            builder.Services.AddEventConsumer<RollupConsumer>();
            builder.Services.AddEventConsumer<WarehouseConsumer>();
        }

        return builder;
    }

    public static WebApplication MapAnalytics(this WebApplication app)
    {
        var api = app.MapGroup("/api/analytics").RequireAuthorization(StaffRoles.SupervisorPolicy).WithTags("Analytics");
        AnalyticsEndpoints.Map(api);
        return app;
    }
}
