using Minwon.Core.Speech;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Speech.Events;

/// <summary>
/// A final transcript segment of a call was stored: the conversation's message <paramref name="Seq"/> (kind Speech, its
/// <c>MessageSent</c> written with it) holds the masked text; this adds who spoke, when in the call and which engine heard it.
/// </summary>
[EventType("SpeechTranscribed")]
public sealed record SpeechTranscribed(int Seq, Guid? CallId, SpeakerSide Speaker, string Engine, long StartMs, long EndMs) : IEvent;
