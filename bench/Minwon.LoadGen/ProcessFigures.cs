namespace Minwon.LoadGen;

/// <param name="RunQueueWaitSeconds">Time the process's threads were ready to run but waiting for a core (from schedstat):
/// high values mean the machine, not the process, was the limit.</param>
public sealed record ProcessFigures(double RssStartMb, double RssEndMb, double RssPeakMb, double RssMeanMb, double CpuSeconds,
    double CpuCoresMean, int Threads, double RunQueueWaitSeconds, double[] LoadAverage, double MachineBusyPercent, double MachineStealPercent);
