using Microsoft.AspNetCore.Hosting;

namespace Minwon.Server.Tests.VisualArs;

/// <summary>The real app with the telephony key set and a lookup budget large enough for the tests sharing it.</summary>
public sealed class ArsAppFactory : SqliteAppFactory
{
    public const string ApiKey = "test-telephony-key-0123456789";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Minwon:Ars:TelephonyApiKey", ApiKey);
        builder.UseSetting("Minwon:Ars:LookupsPerWindow", "1000");
    }
}
