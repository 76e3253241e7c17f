using Microsoft.Extensions.Options;
using Minwon.Core.TextSafety;

namespace Minwon.Server.Features.TextSafety;

public static class TextSafetyServices
{
    /// <summary>
    /// The PII masker and the abuse detector as singletons (the lexicon is built once, at first use), with
    /// thresholds bound from "Minwon:TextSafety" (AbuseThreshold, ProfanityThreshold, InsultThreshold,
    /// ThreatThreshold, SexualThreshold).
    /// </summary>
    public static IServiceCollection AddTextSafety(this IServiceCollection services)
    {
        services.AddOptions<TextSafetyOptions>()
            .BindConfiguration(TextSafetyOptions.Section)
            .Validate(o => InRange(o.AbuseThreshold) && InRange(o.ProfanityThreshold) && InRange(o.InsultThreshold)
                && InRange(o.ThreatThreshold) && InRange(o.SexualThreshold), "Text safety thresholds must be between 0 and 1.")
            .ValidateOnStart();
        services.AddSingleton<PiiMasker>();
        services.AddSingleton(sp => new AbuseDetector(sp.GetRequiredService<IOptions<TextSafetyOptions>>().Value));
        return services;
    }

    /// <summary>Text safety's services and the monthly access review (its endpoints are the protection team's, MapProtection).</summary>
    public static WebApplicationBuilder AddTextSafety(this WebApplicationBuilder builder)
    {
        builder.Services.AddTextSafety();
        builder.Services.AddScoped<AccessReviewReport>();
        return builder;
    }

    private static bool InRange(double? value) => value is null or (>= 0 and <= 1);
}
