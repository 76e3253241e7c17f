namespace Minwon.Server.Features.VisualArs;

/// <summary>Settings under "Minwon:Ars"; see docs/readme-ars.md.</summary>
public sealed class ArsOptions
{
    public const string Section = "Minwon:Ars";

    /// <summary>The telephony side sends it as X-Api-Key to POST /api/ars/links. Empty: the API refuses every call.</summary>
    public string TelephonyApiKey { get; set; } = "";

    /// <summary>Base64 HMAC key for texted links; empty: a key is made once and kept encrypted by Data Protection.</summary>
    public string LinkSigningKey { get; set; } = "";

    public int LinkLifetimeMinutes { get; set; } = 30;

    /// <summary>Public address citizens open (e.g. https://120.seoul.go.kr); empty: the address of the request.</summary>
    public string PublicBaseUrl { get; set; } = "";

    public long MaxUploadBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Status lookups allowed per client address in a 15-minute window.</summary>
    public int LookupsPerWindow { get; set; } = 10;

    /// <summary>"fake" (logs only) or "http" (generic JSON POST provider, see Sms:Http).</summary>
    public string SmsProvider { get; set; } = "fake";

    public HttpSmsOptions Sms { get; set; } = new();
}
