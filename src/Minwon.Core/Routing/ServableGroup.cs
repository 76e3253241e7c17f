namespace Minwon.Core.Routing;

/// <summary>
/// A skill set that has both a waiting contact and a routable counsellor, keyed by its most urgent contact as it
/// was when indexed (so it can be removed with the same key after the head changes).
/// </summary>
internal readonly record struct ServableGroup(ContactEntry Head, SkillSetGroup Group);
