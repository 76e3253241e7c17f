using Minwon.Server.Features.Voice.Events;
using Minwon.Server.Features.Voice.Media;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Tests.Voice;

/// <summary>Call events written before they had records (anonymous payloads, same names) still read into today's records.</summary>
public sealed class CallEventTests
{
    [Fact]
    public void Rows_written_untyped_before_the_records_read_into_the_records()
    {
        var monitored = Assert.IsType<CallMonitored>(EventCatalog.Deserialize("CallMonitored", """{"SupervisorId":"sup1","Mode":"whisper"}"""));
        Assert.Equal(("sup1", LegRole.Whisper, Guid.Empty), (monitored.SupervisorId, monitored.Mode, monitored.CallId));

        var callId = Guid.NewGuid();
        var ended = Assert.IsType<CallEnded>(EventCatalog.Deserialize("CallEnded", $$"""{"CallId":"{{callId}}","Cause":"caller-hangup"}"""));
        Assert.Equal((callId, "caller-hangup"), (ended.CallId, ended.Cause));

        var warm = Assert.IsType<CallTransferred>(EventCatalog.Deserialize("CallTransferred", """{"From":"a1","ToAgent":null,"Warm":true}"""));
        Assert.Equal(("a1", (int?)null, true), (warm.From, warm.ToQueue, warm.Warm));
    }

    [Fact]
    public void Every_call_event_round_trips_by_its_name()
    {
        var callId = Guid.NewGuid();
        IEvent[] written =
        [
            new CallConnected(callId, "audiosocket"), new CallAnswered("a1", callId), new CallHeld("a1", callId),
            new CallResumed("a1", callId), new CallConsultStarted("a1", "a2", callId), new CallConsultCancelled("a1", callId),
            new CallTransferred("a1", 3, null, false, callId), new CallMonitored("s1", LegRole.Barge, callId), new CallEnded(callId, "node-lost"),
        ];
        foreach (var e in written)
        {
            Assert.Equal(e, EventCatalog.Deserialize(EventCatalog.Describe(e.GetType()).Name, EventCatalog.Serialize(e)));
        }
    }
}
