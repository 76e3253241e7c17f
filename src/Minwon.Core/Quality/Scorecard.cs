using System.Text.Json.Serialization;

namespace Minwon.Core.Quality;

/// <summary>
/// The scoring rules as data: items with weights and critical flags, area weights for the total, and the
/// reachability thresholds. Versions are immutable once used; every score records the version that produced it.
/// </summary>
public sealed record Scorecard
{
    public int Version { get; init; } = 1;

    public string Name { get; init; } = "";

    /// <summary>Weights of the five areas in the total, by wire name (greeting, attitude, ...).</summary>
    public IReadOnlyDictionary<string, double> AreaWeights { get; init; } = new Dictionary<string, double>();

    public ChannelSettings Phone { get; init; } = new();

    public ChannelSettings Chat { get; init; } = new() { SilenceSeconds = 180, HoldLimitSeconds = 300, QueueLimitSeconds = 300 };

    /// <summary>More transfers than this fail the transfers item (when the record knows them).</summary>
    public int MaxTransfers { get; init; } = 1;

    public IReadOnlyList<ScorecardItem> Items { get; init; } = [];

    public ChannelSettings For(ConsultationChannel channel) => channel == ConsultationChannel.Phone ? Phone : Chat;

    [JsonIgnore]
    public IEnumerable<ScorecardItem> ActiveItems => Items.Where(i => i.Enabled && i.Weight >= 0);

    public double AreaWeight(QualityArea area) => AreaWeights.TryGetValue(area.WireName(), out var w) ? w : 1;
}
