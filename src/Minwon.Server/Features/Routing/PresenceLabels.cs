using Minwon.Core.Routing;

namespace Minwon.Server.Features.Routing;

/// <summary>Korean names of agent states, shared by the desk and the wallboard so both say the same.</summary>
public static class PresenceLabels
{
    public static string For(Presence? presence) => presence switch
    {
        Presence.Available => "상담 가능",
        Presence.Busy => "업무 중",
        Presence.Break => "휴식",
        Presence.AfterContactWork => "후처리",
        Presence.Away => "자리 비움",
        _ => "오프라인",
    };

    public static string For(string presence) => For(Enum.TryParse<Presence>(presence, out var p) ? p : null);
}
