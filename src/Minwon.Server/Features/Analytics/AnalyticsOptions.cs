namespace Minwon.Server.Features.Analytics;

/// <summary>Settings under "Minwon:Analytics".</summary>
public sealed class AnalyticsOptions
{
    public const string Section = "Minwon:Analytics";

    /// <summary>Run the rollup and warehouse workers in this process.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the rollup worker looks for new events when it has caught up.</summary>
    public int RollupIntervalSeconds { get; set; } = 5;

    /// <summary>How often new cases are copied into the DuckDB warehouse; 0 turns the periodic sync off.</summary>
    public int WarehouseSyncSeconds { get; set; } = 300;
}
