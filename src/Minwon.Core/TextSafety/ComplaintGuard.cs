namespace Minwon.Core.TextSafety;

/// <summary>
/// Anger about a service is not abuse (issue 13): a line that talks about city services (민원, 구청, 세금, 주차, 공사 ...),
/// names nobody with a contemptuous or second-person word (너, 당신, 새끼, 놈, 것들 ...) and holds no lexicon term is an
/// ordinary complaint, however angry; the classifier, which learnt from news comments, gets its logit lowered by
/// <see cref="TextSafetyOptions.ComplaintMargin"/> there. Matched on the normalised text (spaces and symbols dropped).
/// </summary>
internal static class ComplaintGuard
{
    private static readonly string[] ServiceCues =
    [
        "민원", "구청", "시청", "주민센터", "동사무소", "행정", "세금", "과태료", "신고", "단속", "처리", "접수", "상담", "답변",
        "연락", "전화", "공사", "주차", "버스", "지하철", "쓰레기", "소음", "하수", "도로", "가로등", "복지", "신청", "환불",
        "서류", "발급", "기다리", "기다려", "담당", "부서", "국민신문고", "감사", "고지서", "요금", "이게나라", "나라꼴",
        // Session 11: everyday words for bills and places of the city (물세 is the water bill).
        "물세", "수도세", "전기세", "관리비", "경로당", "복지관", "보건소",
        // Session 13: services online (the elderly's complaint about them) and a lament about how things are.
        "인터넷", "온라인", "키오스크", "홈페이지", "세상이", "서러워", "서럽",
    ];

    private static readonly string[] TargetCues =
    [
        "새끼", "ㅅㄲ", "놈", "년아", "년들", "년놈", "같은년", "저년", "것들", "인간", "족속", "충들", "충아", "들아", "xx", "주둥이",
        "대가리", "면상", "얼굴", "머리", "지능", "뇌", "부모", "애미", "애비", "느금",
    ];

    /// <summary>
    /// Everyday compounds whose first syllables the comment data taught the classifier as a slur: dishes of 홍어 (the
    /// skate, also a regional slur), named as food, and places named 한남. A line naming one and nobody else is not abuse.
    /// </summary>
    private static readonly string[] InnocentCompounds =
    [
        "홍어삼합", "홍어회", "홍어무침", "홍어찜", "홍어탕", "홍어애탕", "홍어전", "홍어맛집", "홍어집", "삭힌홍어",
        // Place names holding a slur's syllables (한남 is also a slur for Korean men).
        "한남대교", "한남동", "한남역", "한남오거리", "한남더힐", "한남뉴타운", "한남고가",
    ];

    /// <summary>
    /// A line that reports what someone said or did to the writer (옆집 사람이 저한테 …, 아이가 … 들었대요). Whether it
    /// addresses anyone is the addressee features' word test (AbuseFeatures.IsAddressedLine), not a list of its own.
    /// </summary>
    private static readonly string[] ReportCues =
    [
        "한테", "에게", "보고", "들었", "신고", "처벌", "고소", "했어요", "했대", "했다고", "당했", "상담받", "소리쳤", "소리질", "욕했", "욕을",
        "욕하", "글이", "영상", "낙서",
    ];

    /// <summary>What follows a quoted word: 병신이라고, 미친년이라는 말, 쓰레기 소리를.</summary>
    private static readonly string[] QuoteEndings = ["이라고", "라고", "다고", "이라는", "라는", "이란", "이라며", "라며", "이라면서", "라면서", "소리"];

    /// <summary>
    /// Reported abuse (issue 13, session 11): a report (<see cref="ReportCues"/>) that quotes a word (이라고, 라는 …) and
    /// speaks to nobody ("너 병신이라고 소문낼 거야" is said to someone, however far into a long line the 너 comes): the
    /// <paramref name="flat"/> normalised line, the <paramref name="raw"/> line for the word test.
    /// </summary>
    public static bool IsReportedSpeech(string flat, string raw) =>
        Contains(flat, ReportCues) && Contains(flat, QuoteEndings) && !AbuseFeatures.IsAddressedLine(raw, wholeLine: true);

    /// <summary>
    /// A threat quoted in a report (session 13: "윗집 남자가 죽여 버린다고 소리쳤어요"): the verb's ending comes before the
    /// quoting 다고/라고, so the quote may begin within the next three characters after the term.
    /// </summary>
    public static bool QuotesNear(ReadOnlySpan<char> rest)
    {
        for (var k = 0; k <= 3 && k < rest.Length; k++)
        {
            if (rest[k..].StartsWith("다고", StringComparison.Ordinal) || rest[k..].StartsWith("라고", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The normalised text after a term begins with a quoting ending.</summary>
    public static bool QuotesAt(ReadOnlySpan<char> rest)
    {
        foreach (var ending in QuoteEndings)
        {
            if (rest.StartsWith(ending, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The line talks about a city service and names nobody: no contemptuous word and no second-person word, read as a
    /// word (session 13: 너무, 너머 and 너도밤나무 held 너, and 작년 and 2023년 held 년, so the guard was lost on lines such as
    /// "너무 늦어요"); <paramref name="raw"/> is the line for the word test.
    /// </summary>
    public static bool IsServiceComplaint(string flat, string raw) =>
        Contains(flat, ServiceCues) && !Contains(flat, TargetCues) && !AbuseFeatures.IsAddressedLine(raw, wholeLine: false, secondPersonOnly: true);

    /// <summary>
    /// The line names an everyday compound the classifier mistakes for a slur, and names nobody: second-person words read
    /// as words, as <see cref="IsServiceComplaint"/> reads them (review, session 13: "너무 맛있는 홍어무침" and "작년에 먹은
    /// 홍어삼합" lost the guard to the substrings 너 and 년).
    /// </summary>
    public static bool IsInnocentCompound(string flat, string raw) =>
        Contains(flat, InnocentCompounds) && !Contains(flat, TargetCues) && !AbuseFeatures.IsAddressedLine(raw, wholeLine: false, secondPersonOnly: true);

    /// <summary>The line talks about a city service (a cue for the stacked model's meta-learner).</summary>
    public static bool HasServiceCue(string flat) => Contains(flat, ServiceCues);

    /// <summary>The line names someone with a contemptuous or second-person word.</summary>
    public static bool HasTargetCue(string flat) => Contains(flat, TargetCues) || Contains(flat, SecondPerson);

    /// <summary>Second-person words and 년 as substrings, as the guard read them before session 13 (kept for the stacked model's cue).</summary>
    private static readonly string[] SecondPerson = ["너", "니가", "니네", "네가", "당신", "년"];

    private static bool Contains(string text, string[] cues)
    {
        foreach (var cue in cues)
        {
            if (text.Contains(cue, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
