namespace Minwon.Server.Features.Protection;

/// <summary>The center's protection policy (Minwon:Protection): warning scripts, when a contact may be ended, rest time.</summary>
public sealed class ProtectionOptions
{
    public const string Section = "Minwon:Protection";

    public string[] WarningScripts { get; set; } =
    [
        "고객님, 욕설이나 폭언을 계속하시면 상담을 이어가기 어렵습니다. 상담사도 누군가의 가족입니다. 정중한 표현을 부탁드립니다. (1차 안내)",
        "고객님, 폭언이 계속되고 있습니다. 한 번 더 반복되면 관련 규정에 따라 상담이 종료될 수 있습니다. (2차 안내)",
        "고객님, 폭언이 계속되어 마지막으로 안내드립니다. 다음에는 상담이 종료되며, 폭언 내용은 법적 조치를 위해 보관됩니다. (3차 안내)",
    ];

    /// <summary>Warnings that must have been given before the counsellor may end the contact.</summary>
    public int WarningsBeforeEnd { get; set; } = 3;

    /// <summary>Sexual harassment may be ended at once, without warnings.</summary>
    public bool SexualHarassmentEndsAtOnce { get; set; } = true;

    public string ClosingNotice { get; set; } =
        "반복된 폭언으로 「고객응대근로자 보호」 규정에 따라 상담을 종료합니다. 대화 내용은 법적 조치를 위해 보관됩니다.";

    /// <summary>Protected rest for the counsellor before the next contact.</summary>
    public int RestMinutes { get; set; } = 15;
}
