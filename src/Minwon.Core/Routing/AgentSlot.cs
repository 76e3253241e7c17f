namespace Minwon.Core.Routing;

/// <summary>
/// A counsellor's position in one skill set's ordered agent set. The key fields are copied so that the
/// slot can be found and removed with exactly the values it was inserted with, before the agent changes.
/// </summary>
internal readonly record struct AgentSlot(int ActiveContacts, long IdleSinceTicks, int Proficiency, AgentState Agent);
