namespace Minwon.LoadGen;

/// <param name="Server">All server processes together (CPU and memory summed; one entry per node in <paramref name="Nodes"/>).</param>
/// <param name="ConsumerLag">Age of the oldest event each durable consumer had not read, sampled once a second from node 1's
/// <c>/metrics</c> while measuring (null when the gauge could not be read).</param>
/// <param name="Watched">Other processes measured the same way (<c>--watch NAME=PID</c>: cluster.sh names its PostgreSQL, with
/// its backends, and its Redis).</param>
/// <param name="CpuPerMessage">CPU milliseconds per acknowledged message while measuring, per process and in all: the figure that
/// stays comparable on a shared machine, where wall-clock latency does not.</param>
/// <param name="SetupCpuSeconds">CPU seconds by process in each setup phase (signIn, citizens, assign).</param>
public sealed record MinwonFigures(SetupFigures Setup, DeliveryFigures Delivery, ProcessFigures Server, ProcessFigures LoadGenerator,
    string Database, string ServerLog, IReadOnlyList<ProcessFigures> Nodes, ConsumerLagFigures? ConsumerLag,
    IReadOnlyDictionary<string, ProcessFigures>? Watched = null, CpuBreakdown? CpuPerMessage = null,
    Dictionary<string, Dictionary<string, double>>? SetupCpuSeconds = null);

/// <param name="Messages">Messages acknowledged in the measured phase.</param>
/// <param name="MsPerMessage">CPU ms per message by process: node1..N, generator, and each watched process.</param>
/// <param name="TotalMsPerMessage">All of them together; 2 cores carry 1,000 msg/s only below 2 ms.</param>
public sealed record CpuBreakdown(int Messages, Dictionary<string, double> MsPerMessage, double TotalMsPerMessage, Dictionary<string, double> CpuSeconds)
{
    public static CpuBreakdown Of(int messages, IEnumerable<(string Name, double CpuSeconds)> processes)
    {
        var list = processes.ToList();
        double Ms(double seconds) => messages > 0 ? Math.Round(seconds * 1000 / messages, 3) : 0;
        return new CpuBreakdown(messages, list.ToDictionary(p => p.Name, p => Ms(p.CpuSeconds)), Ms(list.Sum(p => p.CpuSeconds)),
            list.ToDictionary(p => p.Name, p => Math.Round(p.CpuSeconds, 2)));
    }
}
