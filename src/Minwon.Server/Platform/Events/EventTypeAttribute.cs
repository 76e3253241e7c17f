namespace Minwon.Server.Platform.Events;

/// <summary>
/// Names a record as an event in the durable log: its stable <see cref="Name"/> (what is stored, never the CLR name,
/// so a type can move or be renamed) and its payload <see cref="Version"/>. Raise the version when a field changes
/// meaning or is removed; adding an optional field keeps it. See docs/events.md.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class EventTypeAttribute(string name, int version = 1) : Attribute
{
    public string Name { get; } = name;

    public int Version { get; } = version;
}
