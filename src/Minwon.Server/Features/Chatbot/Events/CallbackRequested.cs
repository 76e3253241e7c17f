using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Chatbot.Events;

/// <summary>Outside opening hours the citizen left a callback request (a case to call back).</summary>
[EventType("CallbackRequested")]
public sealed record CallbackRequested(Guid CaseId) : IEvent;
