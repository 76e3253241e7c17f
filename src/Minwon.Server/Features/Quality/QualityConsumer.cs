using Minwon.Server.Features.Cases.Events;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Quality;

/// <summary>
/// Scores consultations as their cases close: a consumer of <see cref="CaseClosed"/> on the event backbone (cursor
/// <c>quality</c>, at-least-once delivery, retries and dead letters by <see cref="EventConsumerRun"/>; docs/events.md).
/// Each event is handled in its own scope by <see cref="ScoreClosedConsultations"/>, which is idempotent.
/// </summary>
public sealed class QualityConsumer : EventConsumer
{
    public const string CursorName = "quality";

    public override string Name => CursorName;

    public override IReadOnlyCollection<Type> WakesOn => [typeof(CaseClosed)];

    public override bool Wants(EventEnvelope e) => e.Event is CaseClosed;

    public override async Task HandleAsync(EventEnvelope e, IServiceProvider services, CancellationToken cancellationToken) =>
        await services.GetRequiredService<ScoreClosedConsultations>().HandleAsync((CaseClosed)e.Event!, cancellationToken);
}
