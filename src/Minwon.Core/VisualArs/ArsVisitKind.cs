namespace Minwon.Core.VisualArs;

/// <summary>What a recorded step was: a page seen, a form completed (case filed), or a hand-off to a person.</summary>
public enum ArsVisitKind { View, Complete, Handoff }
