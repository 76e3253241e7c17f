namespace Minwon.Server.Features.Analytics;

/// <summary>What one event adds to its hour's counters.</summary>
public sealed class RollupDelta
{
    public int Contacts { get; set; }
    public int Cases { get; set; }
    public int Answered { get; set; }
    public int AnsweredInServiceLevel { get; set; }
    public int Abandoned { get; set; }
    public long HandleSeconds { get; set; }
    public int FirstContactResolved { get; set; }
    public int BotResolved { get; set; }
}
