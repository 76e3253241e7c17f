using Minwon.Core.Conversations;
using Minwon.Core.TextSafety;
using Minwon.Server.Features.Conversations.Events;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Protection;

/// <summary>
/// Opens (or counts into) the protection incident of every abusive citizen message, from the event log rather than
/// inside the citizen's request: incidents are legal evidence and must survive a crash between the message and them.
/// <see cref="ProtectionActions.OpenAsync"/> counts each message once (by its sequence number), so redelivery is safe.
/// </summary>
public sealed class ProtectionConsumer(LiveBus bus) : EventConsumer
{
    public override string Name => "protection";

    public override IReadOnlyCollection<Type> WakesOn => [typeof(MessageSent)];

    public override bool Wants(EventEnvelope e) => e.ConversationId is not null
        && e.Event is MessageSent { Sender: MessageSender.Citizen, Abuse: not AbuseLabel.None };

    public override async Task HandleAsync(EventEnvelope e, IServiceProvider services, CancellationToken cancellationToken)
    {
        var message = (MessageSent)e.Event!;
        var (incident, counted) = await services.GetRequiredService<ProtectionActions>()
            .OpenAsync(e.ConversationId!.Value, message.Abuse, message.Seq, cancellationToken);
        if (counted)
        {
            await bus.PublishAsync(new ProtectionAlert(e.ConversationId.Value, incident.AgentId ?? "", "abuse:" + AbuseLabels.WireName(message.Abuse)));
        }
    }
}
