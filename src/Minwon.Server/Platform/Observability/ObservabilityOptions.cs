namespace Minwon.Server.Platform.Observability;

/// <summary>Settings under "Minwon:Observability" (README "Settings", docs/operations.md).</summary>
public sealed class ObservabilityOptions
{
    public const string Section = "Minwon:Observability";

    /// <summary>Serve <c>GET /metrics</c> in the Prometheus text format.</summary>
    public bool Metrics { get; set; } = true;

    /// <summary>
    /// Who may read <c>/metrics</c> without a key: requests from this machine (loopback) that did not come through a
    /// proxy (no X-Forwarded-For), so a reverse proxy on the same host does not open it to the internet.
    /// </summary>
    public bool MetricsFromLoopback { get; set; } = true;

    /// <summary>A secret that lets a scraper on another machine in (<c>Authorization: Bearer KEY</c>); empty: loopback only.</summary>
    public string ScrapeKey { get; set; } = "";

    /// <summary>OTLP endpoint (e.g. http://collector:4317) for traces and metrics; empty (the default): no export.</summary>
    public string OtlpEndpoint { get; set; } = "";

    /// <summary>How often the database gauges (queue length, oldest wait, consumer lag, open calls) are read.</summary>
    public int SampleSeconds { get; set; } = 10;
}
