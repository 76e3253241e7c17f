namespace Minwon.Server.Features.Conversations.Desk;

public static class DeskLabels
{
    public static string Status(string status) => status switch
    {
        "offered" => "배정 제안",
        "assigned" => "상담 중",
        "wrapup" => "마무리",
        "queued" => "대기",
        "closed" => "종결",
        _ => status,
    };
}
