using Minwon.Server.Features.Conversations.Events;
using Minwon.Server.Features.Routing.Events;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Interpreting;

/// <summary>
/// Interpreters leave cleanly: when a conversation ends (either side, a protective end, a hung-up call), is transferred or
/// goes back to the queue, every interpreter still in it leaves (reason "ended", an InterpreterLeft event each) and their
/// desk drops it. Until then they could not write into it anyway: writing needs the conversation assigned.
/// </summary>
public sealed class InterpreterConsumer : EventConsumer
{
    public override string Name => "interpreters";

    public override IReadOnlyCollection<Type> WakesOn => [typeof(ConversationEnded), typeof(ConversationTransferred), typeof(ConversationAbandoned), typeof(ChatRequeued)];

    public override bool Wants(EventEnvelope e) => e.ConversationId is not null
        && e.Event is ConversationEnded or ConversationTransferred or ConversationAbandoned or ChatRequeued;

    public override Task HandleAsync(EventEnvelope e, IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<InterpreterActions>().LeaveEndedAsync(e.ConversationId!.Value, cancellationToken);
}
