namespace Minwon.Core.VisualArs;

public enum ArsLinkCheck { Valid, Expired, Invalid }
