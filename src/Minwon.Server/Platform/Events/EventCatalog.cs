using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Minwon.Server.Platform.Events;

/// <summary>
/// Every event type of the application, by stored name: found once by reflection over the <see cref="IEvent"/> records
/// marked with <see cref="EventTypeAttribute"/>. A name used twice fails at start, so two features can never write the
/// same name with different payloads.
/// </summary>
public static class EventCatalog
{
    /// <summary>Property names as written (PascalCase) and enums by name, like the rows written before typed events.</summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    private static readonly FrozenDictionary<string, Type> TypesByName;
    private static readonly FrozenDictionary<Type, EventTypeAttribute> Attributes;

    static EventCatalog()
    {
        var found = typeof(EventCatalog).Assembly.GetTypes()
            .Where(t => typeof(IEvent).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false })
            .Select(t => (Type: t, Attribute: t.GetCustomAttribute<EventTypeAttribute>()
                ?? throw new InvalidOperationException($"{t.FullName} is an IEvent without [EventType].")))
            .ToList();
        var duplicate = found.GroupBy(f => f.Attribute.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Event name '{duplicate.Key}' is used by {string.Join(", ", duplicate.Select(d => d.Type.FullName))}.");
        }

        TypesByName = found.ToFrozenDictionary(f => f.Attribute.Name, f => f.Type, StringComparer.Ordinal);
        Attributes = found.ToFrozenDictionary(f => f.Type, f => f.Attribute);
    }

    public static IEnumerable<(string Name, int Version, Type Type)> All =>
        Attributes.Select(a => (a.Value.Name, a.Value.Version, a.Key)).OrderBy(a => a.Name, StringComparer.Ordinal);

    public static EventTypeAttribute Describe(Type type) =>
        Attributes.TryGetValue(type, out var attribute) ? attribute
            : throw new InvalidOperationException($"{type.FullName} is not a registered event type.");

    public static string NameOf<TEvent>() where TEvent : IEvent => Describe(typeof(TEvent)).Name;

    public static Type? TypeOf(string name) => TypesByName.GetValueOrDefault(name);

    public static string Serialize(IEvent e) => JsonSerializer.Serialize(e, e.GetType(), Json);

    /// <summary>
    /// The typed record of a stored row, or null for a name no type claims (an event of a removed feature). Rows of
    /// an older version are read into today's record: fields it lacks take their defaults (docs/events.md).
    /// </summary>
    /// <exception cref="JsonException">The payload does not fit the type (a poison row).</exception>
    public static IEvent? Deserialize(string name, string payload) =>
        TypeOf(name) is { } type ? (IEvent?)JsonSerializer.Deserialize(payload, type, Json) : null;
}
