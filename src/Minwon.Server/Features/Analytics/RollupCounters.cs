namespace Minwon.Server.Features.Analytics;

/// <summary>The counters shared by the hourly and daily rollups.</summary>
public abstract class RollupCounters
{
    public int Contacts { get; set; }
    public int Cases { get; set; }
    public int Answered { get; set; }
    public int AnsweredInServiceLevel { get; set; }
    public int Abandoned { get; set; }
    public long HandleSeconds { get; set; }
    public int FirstContactResolved { get; set; }
    public int BotResolved { get; set; }

    public void Add(RollupDelta d)
    {
        Contacts += d.Contacts;
        Cases += d.Cases;
        Answered += d.Answered;
        AnsweredInServiceLevel += d.AnsweredInServiceLevel;
        Abandoned += d.Abandoned;
        HandleSeconds += d.HandleSeconds;
        FirstContactResolved += d.FirstContactResolved;
        BotResolved += d.BotResolved;
    }
}
