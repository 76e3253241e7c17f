using Microsoft.Extensions.Logging.Abstractions;
using Minwon.Core.Conversations;
using Minwon.Core.TextSafety;
using Minwon.Server.Features.Conversations.Events;
using Minwon.Server.Features.IssueAlerting;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Tests.IssueAlerting;

/// <summary>What the issue detector reads from the event log: citizens' typed and spoken lines, nobody else's.</summary>
public sealed class IssueDetectorFeedTests
{
    private static readonly IssueDetectorConsumer Consumer = new(null!, TimeProvider.System, NullLogger<IssueDetectorConsumer>.Instance,
        Microsoft.Extensions.Options.Options.Create(new Minwon.Server.Platform.MinwonOptions()));

    private static EventEnvelope Sent(MessageKind kind, MessageSender sender) =>
        new(1, 1, "MessageSent", 1, Guid.NewGuid(), DateTimeOffset.UnixEpoch, new MessageSent(1, kind, sender, AbuseLabel.None));

    [Theory]
    [InlineData(MessageKind.Text, MessageSender.Citizen, true)]
    [InlineData(MessageKind.Speech, MessageSender.Citizen, true)]
    [InlineData(MessageKind.Speech, MessageSender.Agent, false)]
    [InlineData(MessageKind.Text, MessageSender.Bot, false)]
    [InlineData(MessageKind.Event, MessageSender.System, false)]
    public void Reads_citizens_typed_and_spoken_lines(MessageKind kind, MessageSender sender, bool read) =>
        Assert.Equal(read, Consumer.Wants(Sent(kind, sender)));
}
