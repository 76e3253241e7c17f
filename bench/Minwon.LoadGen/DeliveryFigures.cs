namespace Minwon.LoadGen;

public sealed record DeliveryFigures(
    int Sent,
    int Acked,
    int SendErrors,
    int Delivered,
    int Lost,
    int RawDuplicates,
    int DuplicatesAfterSeqDedupe,
    int OutOfOrder,
    int SeqGaps,
    LatencyStats Delivery,
    LatencyStats CitizenToCounsellor,
    LatencyStats CounsellorToCitizen,
    LatencyStats SenderAck,
    List<WindowFigures> Windows,
    Dictionary<string, int> ErrorKinds);
