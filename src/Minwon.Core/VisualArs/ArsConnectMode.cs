namespace Minwon.Core.VisualArs;

/// <summary>How a "connect to a counsellor" entry reaches a person: web chat now, or a call back later.</summary>
public enum ArsConnectMode { Chat, Callback }
