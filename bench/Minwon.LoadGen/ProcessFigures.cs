namespace Minwon.LoadGen;

/// <param name="RunQueueWaitSeconds">Time the process's threads were ready to run but waiting for a core (from schedstat):
/// high values mean the machine, not the process, was the limit.</param>
public sealed record ProcessFigures(double RssStartMb, double RssEndMb, double RssPeakMb, double RssMeanMb, double CpuSeconds,
    double CpuCoresMean, int Threads, double RunQueueWaitSeconds, double[] LoadAverage, double MachineBusyPercent, double MachineStealPercent)
{
    /// <summary>Several server processes as one: memory, CPU, threads and waits summed; the machine's figures from the last.</summary>
    public static ProcessFigures Sum(IReadOnlyList<ProcessFigures> nodes) => nodes is [var only]
        ? only
        : new ProcessFigures(
            Math.Round(nodes.Sum(n => n.RssStartMb), 1), Math.Round(nodes.Sum(n => n.RssEndMb), 1), Math.Round(nodes.Sum(n => n.RssPeakMb), 1),
            Math.Round(nodes.Sum(n => n.RssMeanMb), 1), Math.Round(nodes.Sum(n => n.CpuSeconds), 2), Math.Round(nodes.Sum(n => n.CpuCoresMean), 2),
            nodes.Sum(n => n.Threads), Math.Round(nodes.Sum(n => n.RunQueueWaitSeconds), 2), nodes[^1].LoadAverage,
            nodes[^1].MachineBusyPercent, nodes[^1].MachineStealPercent);
}
