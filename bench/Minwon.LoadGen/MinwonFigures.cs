namespace Minwon.LoadGen;

public sealed record MinwonFigures(SetupFigures Setup, DeliveryFigures Delivery, ProcessFigures Server, ProcessFigures LoadGenerator,
    string Database, string ServerLog);
