namespace Minwon.LoadGen;

public sealed record LoadResult(DateTimeOffset StartedAt, MachineFigures Machine, string Command, int Conversations, int DurationSeconds,
    MinwonFigures? Minwon, EchoFigures? Echo, ProcessFigures? EchoServer, RatioFigures? MinwonOverEcho, Verdict? Verdict);
