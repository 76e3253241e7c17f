namespace Minwon.Core.Routing;

public enum Presence { Offline, Available, Busy, Break, AfterContactWork }
