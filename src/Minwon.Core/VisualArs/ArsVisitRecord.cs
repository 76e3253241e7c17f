namespace Minwon.Core.VisualArs;

public sealed record ArsVisitRecord(string SessionId, string NodeId, ArsVisitKind Kind, DateTimeOffset At);
