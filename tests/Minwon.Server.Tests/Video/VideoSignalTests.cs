using Minwon.Server.Features.Video;

namespace Minwon.Server.Tests.Video;

/// <summary>Every shape of a malformed signal the hubs refuse (VideoCallTests sends some of them through the hubs).</summary>
public sealed class VideoSignalTests
{
    public static TheoryData<VideoSignal, string> Malformed => new()
    {
        { new VideoSignal(""), "알 수 없는 신호입니다." },
        { new VideoSignal("OFFER", "s1", Sdp: "v=0"), "알 수 없는 신호입니다." },
        { new VideoSignal("hello", new string('s', 65)), "세션 이름이 너무 깁니다." },
        { new VideoSignal("answer", "s1", Sdp: new string('a', VideoSignal.MaxSdpLength + 1)), "SDP가 너무 깁니다." },
        { new VideoSignal("candidate", "s1", Candidate: new string('c', 2_001)), "ICE 후보가 너무 깁니다." },
        { new VideoSignal("candidate", "s1", Candidate: "candidate:1", SdpMid: new string('m', 65)), "ICE 후보가 너무 깁니다." },
        { new VideoSignal("offer", "s1", Sdp: ""), "SDP가 없습니다." },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void A_malformed_signal_is_refused_with_its_reason(VideoSignal signal, string problem) =>
        Assert.Equal(problem, signal.Problem());

    [Fact]
    public void Well_formed_signals_at_their_limits_pass()
    {
        Assert.Null(new VideoSignal("hello").Problem());
        Assert.Null(new VideoSignal("offer", new string('s', 64), Sdp: new string('a', VideoSignal.MaxSdpLength)).Problem());
        Assert.Null(new VideoSignal("candidate", "s1", Candidate: new string('c', 2_000), SdpMid: new string('m', 64), SdpMLineIndex: 0).Problem());
        Assert.Null(new VideoSignal("bye", "s1").Problem());
    }
}
