namespace Minwon.Core.Conversations;

/// <summary>What a stored message is: text someone wrote, or a visible state change ("상담사가 연결되었습니다").</summary>
public enum MessageKind
{
    Text,
    Event,

    /// <summary>A final transcript segment of a call: what a citizen or counsellor said (Features/Speech).</summary>
    Speech,
}
