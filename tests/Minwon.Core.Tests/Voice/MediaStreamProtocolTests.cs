using System.Text;
using Minwon.Core.Voice;

namespace Minwon.Core.Tests.Voice;

public sealed class MediaStreamProtocolTests
{
    private static MediaStreamMessage Parse(string json) => MediaStreamProtocol.Parse(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Reads_a_carriers_start_with_its_custom_parameters()
    {
        var start = Parse("""
            {"event":"start","sequenceNumber":"1","start":{"accountSid":"AC1","streamSid":"MZ1","callSid":"CA1","tracks":["inbound"],
             "mediaFormat":{"encoding":"audio/x-mulaw","sampleRate":8000,"channels":1},"customParameters":{"from":"+821012345678","to":"120"}},
             "streamSid":"MZ1"}
            """);

        Assert.Equal(MediaStreamEvent.Start, start.Event);
        Assert.Equal("MZ1", start.StreamSid);
        Assert.Equal("CA1", start.CallSid);
        Assert.Equal(1, start.SequenceNumber);
        Assert.Equal("+821012345678", start.CustomParameters["from"]);
        Assert.Equal("audio/x-mulaw", start.Encoding);
        Assert.Equal(8000, start.SampleRate);
    }

    [Fact]
    public void Reads_media_dtmf_mark_and_stop()
    {
        var media = Parse("""{"event":"media","sequenceNumber":"3","media":{"track":"inbound","chunk":"2","timestamp":"40","payload":"/38A"},"streamSid":"MZ1"}""");
        Assert.Equal([0xFF, 0x7F, 0x00], media.Payload);
        Assert.Equal(2, media.Chunk);
        Assert.Equal(40, media.Timestamp);

        Assert.Equal('#', Parse("""{"event":"dtmf","streamSid":"MZ1","sequenceNumber":"5","dtmf":{"track":"inbound_track","digit":"#"}}""").Digit);
        Assert.Equal("notice", Parse("""{"event":"mark","sequenceNumber":"4","streamSid":"MZ1","mark":{"name":"notice"}}""").MarkName);
        Assert.Equal(MediaStreamEvent.Stop, Parse("""{"event":"stop","sequenceNumber":"6","stop":{"callSid":"CA1"},"streamSid":"MZ1"}""").Event);
        Assert.Equal(MediaStreamEvent.Connected, Parse("""{"event":"connected","protocol":"Call","version":"1.0.0"}""").Event);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"sequenceNumber":"1"}""")]
    [InlineData("""{"event":"media","media":{"payload":"!!"}}""")]
    [InlineData("""{"event":"media"}""")]
    [InlineData("""{"event":"dtmf","dtmf":{"digit":"x"}}""")]
    [InlineData("""{"event":"hello"}""")]
    public void Malformed_messages_are_refused_with_a_format_error(string json) =>
        Assert.Throws<MediaStreamFormatException>(() => Parse(json));

    [Fact]
    public void Writes_media_mark_and_clear_as_carriers_expect()
    {
        Assert.Equal("""{"event":"media","streamSid":"MZ1","media":{"payload":"/38A"}}""",
            Encoding.UTF8.GetString(MediaStreamProtocol.Media("MZ1", [0xFF, 0x7F, 0x00])));
        Assert.Equal("""{"event":"mark","streamSid":"MZ1","mark":{"name":"n1"}}""", Encoding.UTF8.GetString(MediaStreamProtocol.Mark("MZ1", "n1")));
        Assert.Equal("""{"event":"clear","streamSid":"MZ1"}""", Encoding.UTF8.GetString(MediaStreamProtocol.Clear("MZ1")));
    }
}
