namespace Minwon.Server.Platform.Events;

/// <summary>
/// A past-tense fact written to the event log in the same transaction as the change it records. Implemented by
/// records owned by their feature and marked with <see cref="EventTypeAttribute"/>. Payloads carry ids, enums and
/// numbers, never message text or personal data.
/// </summary>
public interface IEvent;
