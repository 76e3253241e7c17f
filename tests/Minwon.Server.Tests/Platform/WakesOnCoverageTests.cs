using System.Reflection;
using System.Runtime.CompilerServices;
using Minwon.Core.Conversations;
using Minwon.Server.Features.Cases.Events;
using Minwon.Server.Features.Conversations.Events;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Tests.Platform;

/// <summary>
/// <see cref="EventConsumer.WakesOn"/> is written by hand beside <see cref="EventConsumer.Wants"/>: a type a consumer wants
/// but does not wake on is still handled, only at the poll (500 ms), silently. Checked here over every consumer class in
/// the server, so one added later, or a type added to a Wants, cannot drift unseen.
/// </summary>
public sealed class WakesOnCoverageTests
{
    [Fact]
    public void Every_consumer_wakes_on_every_event_type_it_can_want()
    {
        var consumers = typeof(EventConsumer).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(EventConsumer)) && !t.IsAbstract)
            .Select(t => (EventConsumer)RuntimeHelpers.GetUninitializedObject(t))
            .ToList();
        Assert.True(consumers.Count >= 9, $"found {consumers.Count} consumer classes; the server has at least 9");

        var drift = new List<string>();
        foreach (var consumer in consumers.Where(c => c.WakesOn is not null))
        {
            var wakes = consumer.WakesOn!;
            foreach (var (name, version, type) in EventCatalog.All)
            {
                if (!wakes.Contains(type) && Samples(type).Any(e => consumer.Wants(Envelope(name, version, e))))
                {
                    drift.Add($"{consumer.GetType().Name} wants {name} but does not wake on it");
                }
            }
        }

        Assert.Empty(drift);
    }

    [Fact]
    public void The_check_finds_a_wanted_type_left_out_of_WakesOn()
    {
        // The check itself can fail: a consumer that wants a type behind a property pattern it does not wake on.
        var drifted = new DriftedConsumer();
        var (name, version, _) = EventCatalog.All.Single(t => t.Type == typeof(MessageSent));
        Assert.Contains(Samples(typeof(MessageSent)),
            e => drifted.Wants(Envelope(name, version, e)));
    }

    private static EventEnvelope Envelope(string name, int version, IEvent e) =>
        new(1, 1, name, version, Guid.NewGuid(), DateTimeOffset.UnixEpoch, e);

    /// <summary>
    /// Instances of an event type with every combination of its enum and bool properties (the fields a Wants pattern
    /// tests beside the type), the rest left at their defaults.
    /// </summary>
    private static IEnumerable<IEvent> Samples(Type type)
    {
        var choices = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && (p.PropertyType.IsEnum || p.PropertyType == typeof(bool)))
            .Select(p => (Property: p, Values: p.PropertyType.IsEnum
                ? Enum.GetValues(p.PropertyType).Cast<object>().ToArray()
                : [false, true]))
            .ToList();
        IEnumerable<IEnumerable<(PropertyInfo, object)>> combinations = [[]];
        foreach (var (property, values) in choices)
        {
            combinations = combinations.SelectMany(c => values.Select(v => c.Append((property, v))));
        }

        foreach (var combination in combinations)
        {
            var sample = (IEvent)RuntimeHelpers.GetUninitializedObject(type);
            foreach (var (property, value) in combination)
            {
                property.SetValue(sample, value);
            }

            yield return sample;
        }
    }

    private sealed class DriftedConsumer : EventConsumer
    {
        public override string Name => "drifted";

        public override IReadOnlyCollection<Type> WakesOn => [typeof(CaseClosed)];

        public override bool Wants(EventEnvelope e) => e.Event is MessageSent
        {
            Sender: MessageSender.Citizen, Kind: MessageKind.Speech,
        };

        public override Task HandleAsync(EventEnvelope e, IServiceProvider services, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
