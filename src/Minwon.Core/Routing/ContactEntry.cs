namespace Minwon.Core.Routing;

/// <summary>A waiting contact with its skill-set group and its exclusions as a set for constant-time checks.</summary>
internal sealed class ContactEntry(RoutingContact contact, SkillSetGroup group)
{
    private static readonly HashSet<string> None = new(StringComparer.Ordinal);

    public RoutingContact Contact { get; } = contact;

    public SkillSetGroup Group { get; } = group;

    public HashSet<string> Excluded { get; } = contact.ExcludedAgents.Count == 0
        ? None
        : new HashSet<string>(contact.ExcludedAgents, StringComparer.Ordinal);
}
