namespace Minwon.Core.VisualArs;

/// <summary>The Seoul-120-style menu seeded when none exists; administrators change it from there.</summary>
public static class DefaultArsMenu
{
    public static ArsMenu Create() => new()
    {
        RootId = "root",
        Nodes =
        [
            Menu("root", null, "120 다산콜 보이는 ARS", "Seoul 120 Visual ARS", "원하시는 메뉴의 번호를 눌러 주세요.", ["transport", "water", "living", "counsellor", "callback"]),
            Menu("transport", "1", "교통", "Transport", "교통 관련 문의는 1번", ["bus-subway", "parking-report"], "버스 지하철 주차"),
            Info("bus-subway", "1", "버스·지하철 안내", "Bus and subway information", "버스와 지하철 안내는 1번",
                "버스 노선과 도착 정보는 서울교통정보(TOPIS) 누리집이나 정류소 안내기에서 볼 수 있습니다.\n\n지하철 첫차와 막차, 환승 안내는 역 안내 창구나 각 운영기관 누리집에서 확인하세요. 분실물은 역 고객안내센터로 문의해 주세요.",
                "Bus routes and arrival times are on the TOPIS website and at bus stop displays.\n\nFor first and last trains and transfers, ask at the station or check the operator's website.",
                "버스노선 막차 첫차 환승 배차 분실물 bus subway metro"),
            Form("parking-report", "2", "불법주정차 신고", "Report illegal parking", "불법주정차 신고는 2번", "illegal-parking", "불법주차 주차단속 주차위반 견인 소화전 parking"),
            Menu("water", "2", "상하수도", "Water and sewage", "상하수도 문의는 2번", ["water-bill", "water-move", "water-outage"], "수도 물"),
            Info("water-bill", "1", "수도요금 안내", "Water bill", "수도요금 안내는 1번",
                "수도요금은 두 달마다 고지됩니다. 고지서 재발행과 납부 확인은 서울시 상수도사업본부 누리집이나 ARS 121에서 할 수 있습니다.\n\n자동이체는 거래 은행이나 누리집에서 신청하세요.",
                "Water bills are issued every two months. Reissue and payment checks are on the Seoul Waterworks website or ARS 121.",
                "수도세 물세 고지서 재발행 납부 자동이체 bill"),
            Form("water-move", "2", "이사 정산 신청", "Settle the water bill when moving", "이사할 때 수도요금 정산은 2번", "water-move", "이사정산 전출 이사 정산 수도요금"),
            Info("water-outage", "3", "단수 문의", "Water outage", "단수 문의는 3번",
                "공사로 인한 단수는 미리 안내문과 문자로 알려 드립니다. 예고 없이 물이 나오지 않으면 이웃집도 같은지 확인하신 뒤 상담사에게 연결해 주세요. 수도관 파열은 120 또는 121로 바로 신고해 주세요.",
                "Planned outages are announced in advance. If your water stops without notice, check with neighbours and talk to a counsellor.",
                "단수 물안나옴 안나와 수돗물 누수 outage"),
            Menu("living", "3", "생활", "Daily life", "생활 민원은 3번", ["bulky-waste", "seoul-portal"], "쓰레기 생활"),
            Form("bulky-waste", "1", "대형폐기물 배출 신고", "Bulky waste disposal", "대형폐기물 배출 신고는 1번", "bulky-waste", "대형폐기물 폐가구 폐가전 가구 소파 침대 장롱 냉장고 버리기 수거"),
            new ArsNode
            {
                Id = "seoul-portal", Kind = ArsNodeKind.Link, Digit = "2", LabelKo = "서울시 누리집 민원 안내", LabelEn = "Seoul city website",
                PromptKo = "서울시 누리집 안내는 2번", PromptEn = "For the city website, press 2", Url = "https://www.seoul.go.kr/",
            },
            new ArsNode
            {
                Id = "counsellor", Kind = ArsNodeKind.Connect, Connect = ArsConnectMode.Chat, Digit = "0", LabelKo = "상담사 연결",
                LabelEn = "Talk to a counsellor", PromptKo = "상담사 연결은 0번", PromptEn = "To talk to a counsellor, press 0", Keywords = "상담원 상담사 사람 채팅 chat",
            },
            new ArsNode
            {
                Id = "callback", Kind = ArsNodeKind.Connect, Connect = ArsConnectMode.Callback, FormId = "callback", Digit = "9",
                LabelKo = "콜백 요청", LabelEn = "Request a call back", PromptKo = "상담사의 전화를 원하시면 9번",
                PromptEn = "To be called back, press 9", Keywords = "전화 전화주세요 회신 callback",
            },
        ],
        Forms = [IllegalParking(), BulkyWaste(), WaterMove(), Callback()],
    };

    private static ArsNode Menu(string id, string? digit, string ko, string en, string prompt, List<string> children, string keywords = "") =>
        new() { Id = id, Kind = ArsNodeKind.Menu, Digit = digit, LabelKo = ko, LabelEn = en, PromptKo = prompt, PromptEn = digit is null ? "Press the number of the menu you want." : $"{en}: press {digit}", Children = children, Keywords = keywords };

    private static ArsNode Info(string id, string digit, string ko, string en, string prompt, string textKo, string textEn, string keywords) =>
        new() { Id = id, Kind = ArsNodeKind.Info, Digit = digit, LabelKo = ko, LabelEn = en, PromptKo = prompt, PromptEn = $"{en}: press {digit}", TextKo = textKo, TextEn = textEn, Keywords = keywords };

    private static ArsNode Form(string id, string digit, string ko, string en, string prompt, string formId, string keywords) =>
        new() { Id = id, Kind = ArsNodeKind.Form, Digit = digit, LabelKo = ko, LabelEn = en, PromptKo = prompt, PromptEn = $"{en}: press {digit}", FormId = formId, Keywords = keywords };

    private static ArsFormField Phone() => new()
    {
        Name = "phone", Type = ArsFieldType.Phone, Required = true, MaxLength = 20, LabelKo = "연락처", LabelEn = "Phone",
        HintKo = "처리 결과를 알려 드리고, 접수 조회에 뒷자리 4개를 씁니다.", HintEn = "We use it to reach you; its last 4 digits look up your request.",
    };

    private static ArsFormDefinition IllegalParking() => new()
    {
        Id = "illegal-parking", TitleKo = "불법주정차 신고", TitleEn = "Report illegal parking", CategoryMajor = "교통", CategoryMinor = "불법주정차 신고·단속",
        Fields =
        [
            new() { Name = "place", Type = ArsFieldType.Text, Required = true, MaxLength = 200, LabelKo = "위치", LabelEn = "Place", HintKo = "도로명 주소나 건물 이름, 가까운 교차로", HintEn = "Street address, building or nearest crossing" },
            new() { Name = "plate", Type = ArsFieldType.VehiclePlate, Required = true, MaxLength = 12, LabelKo = "차량 번호", LabelEn = "Licence plate" },
            new() { Name = "photo", Type = ArsFieldType.Photo, Required = true, LabelKo = "사진", LabelEn = "Photo", HintKo = "JPEG, PNG, HEIC, WebP 10MB 이하", HintEn = "JPEG, PNG, HEIC or WebP up to 10 MB" },
            new() { Name = "details", Type = ArsFieldType.Textarea, MaxLength = 500, LabelKo = "상황 설명", LabelEn = "What is happening" },
            Phone(),
        ],
    };

    private static ArsFormDefinition BulkyWaste() => new()
    {
        Id = "bulky-waste", TitleKo = "대형폐기물 배출 신고", TitleEn = "Bulky waste disposal", CategoryMajor = "자연과환경", CategoryMinor = "대형폐기물",
        Fields =
        [
            new() { Name = "district", Type = ArsFieldType.District, Required = true, LabelKo = "자치구", LabelEn = "District" },
            new() { Name = "address", Type = ArsFieldType.Text, Required = true, MaxLength = 200, LabelKo = "배출 장소 주소", LabelEn = "Address" },
            new() { Name = "items", Type = ArsFieldType.Textarea, Required = true, MaxLength = 500, LabelKo = "배출 품목", LabelEn = "Items", HintKo = "예: 3인용 소파 1개, 장롱 1개", HintEn = "e.g. one 3-seat sofa, one wardrobe" },
            new() { Name = "date", Type = ArsFieldType.Date, Required = true, MinDaysFromToday = 1, MaxDaysFromToday = 30, LabelKo = "배출 희망일", LabelEn = "Collection date" },
            Phone(),
        ],
    };

    private static ArsFormDefinition WaterMove() => new()
    {
        Id = "water-move", TitleKo = "이사 수도요금 정산 신청", TitleEn = "Water bill settlement when moving", CategoryMajor = "상하수도", CategoryMinor = "수도요금·이사정산",
        Fields =
        [
            new() { Name = "customerNumber", Type = ArsFieldType.Text, Required = true, MaxLength = 12, Pattern = @"\d{8,10}", LabelKo = "고객번호", LabelEn = "Customer number",
                PatternMessageKo = "고객번호는 고지서에 적힌 숫자 8~10자리입니다.", HintKo = "수도요금 고지서 오른쪽 위의 숫자", HintEn = "The number at the top right of your bill" },
            new() { Name = "moveOutDate", Type = ArsFieldType.Date, Required = true, MinDaysFromToday = -30, MaxDaysFromToday = 60, LabelKo = "이사 나가는 날", LabelEn = "Move-out date" },
            new() { Name = "address", Type = ArsFieldType.Text, Required = true, MaxLength = 200, LabelKo = "주소", LabelEn = "Address" },
            Phone(),
        ],
    };

    private static ArsFormDefinition Callback() => new()
    {
        Id = "callback", TitleKo = "콜백 요청", TitleEn = "Request a call back", Disposition = "CallbackNeeded",
        Fields =
        [
            Phone(),
            new()
            {
                Name = "preferredTime", Type = ArsFieldType.Select, Required = true, LabelKo = "통화 희망 시간", LabelEn = "Preferred time",
                Options =
                [
                    new() { Value = "any", LabelKo = "언제든 괜찮음", LabelEn = "Any time" },
                    new() { Value = "morning", LabelKo = "오전 (9~12시)", LabelEn = "Morning (9-12)" },
                    new() { Value = "afternoon", LabelKo = "오후 (12~18시)", LabelEn = "Afternoon (12-18)" },
                    new() { Value = "evening", LabelKo = "저녁 (18~21시)", LabelEn = "Evening (18-21)" },
                ],
            },
            new() { Name = "topic", Type = ArsFieldType.Textarea, MaxLength = 300, LabelKo = "문의 내용", LabelEn = "What is it about" },
        ],
    };
}
