using System.Globalization;
using Minwon.Core.VisualArs;

namespace Minwon.Server.Features.Speech.Callbot;

/// <summary>The callbot's own sentences (everything that is not the menu tree's text or an article).</summary>
public enum CallbotPhrase
{
    Notice,
    Greeting,
    MenuOf,
    Choices,
    ChoiceSeparator,
    LookupOffer,
    SpeakFreely,
    Back,
    Repeat,
    NoInput,
    WrongKey,
    NotUnderstood,
    HandOff,
    InfoChoices,
    InfoMissing,
    DidItHelp,
    Helped,
    LinkNoMobile,
    LinkSent,
    LinkFailed,
    CallbackConfirm,
    CallbackNumber,
    CallbackBooked,
    CallbackFailed,
    LookupNumber,
    LookupInvalid,
    LookupConfirm,
    LookupNotFound,
    LookupFound,
    LookupFailed,
    StatusDistrict,
    StatusDepartment,
    StatusCallback,
    StatusEnded,
    StatusAnswered,
}

/// <summary>
/// The callbot's fixed sentences in Korean and English, one row per phrase ({0}… are filled in: a label, a key, a number
/// already read out digit by digit, a date). A call's language comes from its line (<see cref="CallbotLine.Language"/>)
/// or, for a web call, from the citizen's page; the menu tree's English labels, prompts and texts are used where the
/// tree has them (<see cref="PromptOf"/>). What the counsellor reads (path, answers) stays Korean.
/// </summary>
public static class CallbotPhrases
{
    public const string Korean = "ko";
    public const string English = "en";

    public static readonly IReadOnlyDictionary<CallbotPhrase, (string Ko, string En)> Table = new Dictionary<CallbotPhrase, (string Ko, string En)>
    {
        [CallbotPhrase.Notice] = ("안내 말씀 드립니다. {0}", "An announcement: {0}"),
        [CallbotPhrase.Greeting] = ("안녕하세요. 120 다산콜센터입니다. ", "Hello, this is the Seoul 120 Dasan Call Center. "),
        [CallbotPhrase.MenuOf] = ("{0} 메뉴입니다. ", "{0} menu. "),
        [CallbotPhrase.Choices] = ("{0}입니다. ", "{0}. "),
        [CallbotPhrase.ChoiceSeparator] = (", ", ". "),
        [CallbotPhrase.LookupOffer] = ("접수하신 민원의 처리 상태 조회는 {0}번, ", "To check the status of a request you filed, press {0}. "),
        [CallbotPhrase.SpeakFreely] = ("원하시는 내용을 말씀하셔도 됩니다. ", "You can also tell us what you need. "),
        [CallbotPhrase.Back] = ("이전 메뉴는 별표, ", "For the previous menu, press star. "),
        [CallbotPhrase.Repeat] = ("다시 들으시려면 우물 정자를 눌러 주십시오.", "To hear this again, press the pound key."),
        [CallbotPhrase.NoInput] = ("입력이 없어 다시 안내해 드립니다. ", "We did not hear a choice, so here it is again. "),
        [CallbotPhrase.WrongKey] = ("잘못 누르셨습니다. ", "That key is not on this menu. "),
        [CallbotPhrase.NotUnderstood] = ("죄송합니다. 말씀을 이해하지 못했습니다. ", "Sorry, we did not understand that. "),
        [CallbotPhrase.HandOff] = ("상담사에게 연결해 드리겠습니다. 지금까지 안내받으신 내용은 상담사에게 전달됩니다.",
            "We will connect you to a counsellor. What you have told us so far will be passed on."),
        [CallbotPhrase.InfoChoices] = (" 자세한 안내는 2번, 다시 들으시려면 1번, 이전 메뉴는 별표, 상담사 연결은 0번을 눌러 주십시오.",
            " For more details, press 2. To hear this again, press 1. For the previous menu, press star. To talk to a counsellor, press 0."),
        [CallbotPhrase.InfoMissing] = ("{0} 안내는 상담사에게 문의해 주십시오.", "For {0}, please ask a counsellor."),
        [CallbotPhrase.DidItHelp] = (" 도움이 되셨나요? 도움이 되셨으면 1번을 누르시거나 네라고 말씀해 주시고, 상담사 연결을 원하시면 0번을 눌러 주십시오.",
            " Did that help? If it did, press 1 or say yes. To talk to a counsellor, press 0."),
        [CallbotPhrase.Helped] = ("도움이 되어 기쁩니다. 다른 문의는 메뉴에서 골라 주십시오.", "We are glad it helped. For anything else, please choose from the menu."),
        [CallbotPhrase.LinkNoMobile] = ("{0}은 휴대전화 문자로만 보내 드릴 수 있습니다. 보이는 ARS 누리집에서 이용해 주십시오.",
            "We can only text {0} to a mobile phone. Please use the Visual ARS website."),
        [CallbotPhrase.LinkSent] = ("{0} 화면으로 가는 링크를 문자로 보내 드렸습니다.", "We have texted you a link to {0}."),
        [CallbotPhrase.LinkFailed] = ("죄송합니다. 문자를 보내지 못했습니다.", "Sorry, we could not send the text message."),
        [CallbotPhrase.CallbackConfirm] = ("콜백 받으실 번호가 {0} 맞으면 1번, 다른 번호로 받으시려면 2번을 눌러 주십시오.",
            "We will call you back on {0}. If that is right, press 1. For another number, press 2."),
        [CallbotPhrase.CallbackNumber] = ("콜백 받으실 전화번호를 누르신 뒤 우물 정자를 눌러 주십시오.", "Please key in the number to call you back on, then press the pound key."),
        [CallbotPhrase.CallbackBooked] = ("콜백 예약이 접수되었습니다. 접수번호는 {0}입니다. 상담사가 곧 전화드리겠습니다. 감사합니다.",
            "Your call back is booked. Your receipt number is {0}. A counsellor will call you soon. Thank you."),
        [CallbotPhrase.CallbackFailed] = ("콜백 번호를 확인하지 못했습니다. 이전 메뉴로 돌아갑니다.", "We could not confirm the number. Back to the previous menu."),
        [CallbotPhrase.LookupNumber] = ("접수번호 열네 자리를 누르신 뒤 우물 정자를 눌러 주십시오.", "Please key in the fourteen digits of your receipt number, then press the pound key."),
        [CallbotPhrase.LookupInvalid] = ("접수번호는 열네 자리입니다.", "A receipt number has fourteen digits."),
        [CallbotPhrase.LookupConfirm] = ("접수번호 {0} 맞으면 1번, 다시 누르시려면 2번을 눌러 주십시오.",
            "Receipt number {0}. If that is right, press 1. To key it in again, press 2."),
        [CallbotPhrase.LookupNotFound] = ("죄송합니다. 전화하신 번호로 접수된 해당 민원을 찾을 수 없습니다. 접수하신 전화번호로 다시 걸어 주시거나 상담사 연결은 0번을 눌러 주십시오.",
            "Sorry, we cannot find that request for the number you are calling from. Please call from the number you gave, or press 0 for a counsellor."),
        [CallbotPhrase.LookupFound] = ("접수번호 {0} 민원은 {1}에 접수되었고, {2}", "Request {0} was filed on {1}. {2}"),
        [CallbotPhrase.LookupFailed] = ("접수번호를 확인하지 못했습니다. 이전 메뉴로 돌아갑니다.", "We could not confirm the receipt number. Back to the previous menu."),
        [CallbotPhrase.StatusDistrict] = ("담당 구청으로 전달되어 처리 중입니다.", "It has been passed to the district office and is being handled."),
        [CallbotPhrase.StatusDepartment] = ("담당 부서로 전달되어 처리 중입니다.", "It has been passed to the department in charge and is being handled."),
        [CallbotPhrase.StatusCallback] = ("상담사가 다시 전화드릴 예정입니다.", "A counsellor will call you back."),
        [CallbotPhrase.StatusEnded] = ("상담이 종료되었습니다.", "The consultation has ended."),
        [CallbotPhrase.StatusAnswered] = ("답변이 완료되었습니다.", "It has been answered."),
    };

    /// <summary>Settings accept no language (Korean), "ko" or "en".</summary>
    public static bool Supported(string? language) => string.IsNullOrWhiteSpace(language) || language is Korean or English;

    /// <summary>"en" for any English tag (en, en-US), else "ko".</summary>
    public static string Of(string? language) =>
        language is not null && language.Trim().StartsWith(English, StringComparison.OrdinalIgnoreCase) ? English : Korean;

    public static string Say(string language, CallbotPhrase phrase, params object[] args)
    {
        var row = Table[phrase];
        return string.Format(CultureInfo.InvariantCulture, language == English ? row.En : row.Ko, args);
    }

    /// <summary>What the voice menu says for an entry: the tree's English prompt, else "{English label}: press {digit}", else the Korean prompt.</summary>
    public static string PromptOf(ArsNode node, string language)
    {
        if (language != English)
        {
            return node.PromptKo;
        }

        return node.PromptEn.Length > 0 ? node.PromptEn
            : node.LabelEn.Length > 0 ? $"{node.LabelEn}: press {node.Digit}"
            : node.PromptKo;
    }

    /// <summary>A filing day: "12월 1일", "December 1".</summary>
    public static string Day(string language, DateTimeOffset day) => language == English
        ? day.ToString("MMMM d", CultureInfo.InvariantCulture)
        : $"{day.Month}월 {day.Day}일";
}
