namespace Minwon.LoadGen;

/// <param name="Server">All server processes together (CPU and memory summed; one entry per node in <paramref name="Nodes"/>).</param>
/// <param name="ConsumerLag">Age of the oldest event each durable consumer had not read, sampled once a second from node 1's
/// <c>/metrics</c> while measuring (null when the gauge could not be read).</param>
public sealed record MinwonFigures(SetupFigures Setup, DeliveryFigures Delivery, ProcessFigures Server, ProcessFigures LoadGenerator,
    string Database, string ServerLog, IReadOnlyList<ProcessFigures> Nodes, ConsumerLagFigures? ConsumerLag);
