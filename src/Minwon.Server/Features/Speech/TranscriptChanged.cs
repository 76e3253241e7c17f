using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Speech;

/// <summary>
/// A call's transcript changed for the screens: its status ("live", "unavailable", "off", "ended"), or a partial
/// (masked) line still being spoken. Final lines arrive as MessageAdded of kind "speech".
/// </summary>
public sealed record TranscriptChanged(Guid ConversationId, string Status, string? PartialSpeaker = null, string? PartialText = null) : LiveEvent;
