namespace Minwon.Server.Features.Video;

/// <summary>
/// One WebRTC signalling message between the citizen's and the counsellor's browsers, relayed by the hubs and never
/// stored. <paramref name="Session"/> names the counsellor's peer connection: a new one (after a reload or a lost
/// network) starts a new session and the citizen's page drops the old.
/// </summary>
/// <param name="Type">hello (citizen ready: send me an offer), offer, answer, candidate, restart (ask the offerer for an ICE restart), bye.</param>
public sealed record VideoSignal(string Type, string? Session = null, string? Sdp = null, string? Candidate = null, string? SdpMid = null,
    int? SdpMLineIndex = null)
{
    public const int MaxSdpLength = 24_000;

    public static readonly string[] Types = ["hello", "offer", "answer", "candidate", "restart", "bye"];

    /// <summary>Null when well formed, else why not.</summary>
    public string? Problem() =>
        !Types.Contains(Type) ? "알 수 없는 신호입니다."
        : Session is { Length: > 64 } ? "세션 이름이 너무 깁니다."
        : Sdp is { Length: > MaxSdpLength } ? "SDP가 너무 깁니다."
        : Candidate is { Length: > 2_000 } || SdpMid is { Length: > 64 } ? "ICE 후보가 너무 깁니다."
        : Type is "offer" or "answer" && string.IsNullOrEmpty(Sdp) ? "SDP가 없습니다."
        : null;
}
