namespace Minwon.Server.Features.VisualArs;

/// <summary>Fixed words of the citizen pages in Korean and English (menu text itself comes from the menu).</summary>
public static class ArsText
{
    private static readonly Dictionary<string, (string Ko, string En)> Words = new()
    {
        ["title"] = ("120 보이는 ARS", "Seoul 120 Visual ARS"),
        ["skip"] = ("본문 바로가기", "Skip to content"),
        ["other"] = ("English", "한국어"),
        ["notices"] = ("알림", "Notices"),
        ["search"] = ("메뉴 검색", "Search the menu"),
        ["searchButton"] = ("검색", "Search"),
        ["searchPlaceholder"] = ("예: 대형폐기물, 수도요금", "e.g. bulky waste, water bill"),
        ["results"] = ("검색 결과", "Results"),
        ["noResults"] = ("찾는 메뉴가 없습니다. 다른 말로 찾아보시거나 상담사와 연결하세요.", "Nothing found. Try other words or talk to a counsellor."),
        ["back"] = ("이전 메뉴", "Previous menu"),
        ["home"] = ("처음", "Home"),
        ["breadcrumb"] = ("현재 위치", "You are here"),
        ["press"] = ("번", ""),
        ["required"] = ("필수", "required"),
        ["submit"] = ("접수하기", "Submit"),
        ["askCounsellor"] = ("작성한 내용으로 상담사와 채팅", "Chat with a counsellor about this"),
        ["fixErrors"] = ("입력한 내용을 확인해 주세요.", "Please check what you entered."),
        ["reattach"] = ("보안을 위해 사진은 다시 첨부해 주세요.", "For security, please attach the photo again."),
        ["choose"] = ("선택하세요", "Choose"),
        ["startChat"] = ("채팅 상담 시작", "Start a chat"),
        ["chatIntro"] = ("지금까지 보신 메뉴와 입력하신 내용이 상담사에게 함께 전달되어 처음부터 다시 말씀하지 않으셔도 됩니다.",
            "The counsellor will see the menus you visited and what you entered, so you will not have to repeat yourself."),
        ["startCall"] = ("전화로 상담", "Talk by phone"),
        ["callIntro"] = ("인터넷으로 상담사와 바로 통화합니다. 마이크 사용을 허용해 주세요.", "Talk to a counsellor over the internet; allow the microphone when asked."),
        ["webCall"] = ("인터넷 전화 상담", "Call over the internet"),
        ["chatClosed"] = ("지금은 채팅 상담을 할 수 없습니다.", "Chat is not available right now."),
        ["callbackInstead"] = ("콜백을 요청하시면 상담사가 전화드립니다.", "Request a call back and a counsellor will call you."),
        ["external"] = ("외부 사이트로 이동", "Go to the external site"),
        ["externalNote"] = ("새 사이트로 이동합니다.", "This opens another website."),
        ["received"] = ("접수되었습니다", "Your request was received"),
        ["receipt"] = ("접수번호", "Receipt number"),
        ["keepReceipt"] = ("접수번호와 전화번호 뒷자리 4개로 처리 상황을 조회할 수 있습니다. 이 페이지 주소를 저장해 두셔도 됩니다.",
            "Look up progress with the receipt number and the last 4 digits of your phone, or bookmark this page."),
        ["status"] = ("접수 조회", "Check a request"),
        ["last4"] = ("전화번호 뒷자리 4개", "Last 4 digits of your phone"),
        ["lookup"] = ("조회하기", "Look up"),
        ["notFound"] = ("일치하는 접수 내역이 없습니다. 접수번호와 전화번호 뒷자리를 확인해 주세요.", "No request matches. Check the receipt number and the 4 digits."),
        ["tooMany"] = ("조회 시도가 너무 많습니다. 15분 뒤에 다시 시도해 주세요.", "Too many attempts. Please try again in 15 minutes."),
        ["filedAt"] = ("접수 일시", "Filed"),
        ["state"] = ("처리 상태", "Status"),
        ["stateOpen"] = ("접수됨 · 담당 부서에서 처리 중입니다.", "Received: being handled."),
        ["stateClosed"] = ("처리 완료", "Completed"),
        ["stateCallback"] = ("콜백 대기 · 상담사가 전화드릴 예정입니다.", "Waiting for a call back."),
        ["linkBad"] = ("링크를 열 수 없습니다", "This link cannot be opened"),
        ["linkBadText"] = ("문자로 받은 링크가 만료되었거나 올바르지 않습니다. 아래에서 메뉴를 바로 이용하시거나 120으로 전화해 주세요.",
            "The texted link has expired or is not valid. Use the menu below or call 120."),
        ["openMenu"] = ("보이는 ARS 열기", "Open the visual ARS"),
        ["notFoundPage"] = ("메뉴를 찾을 수 없습니다", "Menu not found"),
        ["call"] = ("전화 상담 120", "Call 120"),
        ["article"] = ("자세한 안내 문서", "Article"),
    };

    public static string T(string key, string language) =>
        Words.TryGetValue(key, out var w) ? (language == "en" ? w.En : w.Ko) : key;
}
