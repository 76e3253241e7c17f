namespace Minwon.LoadGen;

public sealed record EchoFigures(int Connections, double MessagesPerSecond, int Sent, int Received, int Lost, int Duplicates,
    int SendErrors, LatencyStats RoundTrip);
