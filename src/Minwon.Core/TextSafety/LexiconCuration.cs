namespace Minwon.Core.TextSafety;

/// <summary>
/// How the raw list in data-seed/korean-bad-words (3,576 spellings gathered for web filtering) is made fit for a
/// citizen hotline: ordinary words that people use in complaints are dropped (쓰레기 for litter, 카드, 유방암,
/// 폰번호, 꺼져 for a street light that is off), words a citizen needs to report a crime are dropped (성추행, 몰카,
/// 대포통장), Latin-only spam names are dropped, and each remaining entry gets a label from its roots.
/// </summary>
internal static class LexiconCuration
{
    public static readonly HashSet<string> Excluded = new(StringComparer.Ordinal)
    {
        "108", "10알", "2C8", "가랑이", "가스미", "가아슴", "강간", "개아이", "개가툰", "기형아", "공육공", "과부촌", "광녀", "구녕", "까발려",
        "까발리", "꺼어저", "꺼어져", "꺼져", "꺼저", "끄지라", "끄져", "꼬라바", "꽁까", "나체", "넴병", "노출증", "농아", "누두", "대포폰",
        "덥치기", "덥침", "덮치기", "덮침", "도우미", "돈버는", "돈선불", "동침", "되가리", "뒤져라", "뒤진다", "뒤질", "뒤져", "듀거", "디저",
        "디져", "디질", "딩구", "딥콜", "따무라", "떵개", "똥물", "똥고", "똥꼬", "똥닦다", "레즈", "룸살롱", "룸사롱", "룸쌀롱", "마앙가",
        "망가짱", "매춘", "메롱", "멍텅", "몰카", "몸캠", "몸켐", "미씨촌", "밑창", "바구리", "발바버", "발바부", "발바브", "밤일", "번개남",
        "벌기", "벌려", "벙어리", "변견", "병자", "병삼", "병순", "부운영", "부킹맨", "不건전", "불륜", "비실명", "빠라", "빠러", "빠르너",
        "빨기", "빨아", "빨아도", "빨어", "빨자", "빨라줘", "빽보디", "뽀뽀뽀", "사창가", "삽입", "샠", "성경험", "성관계", "성폭행", "성감대",
        "성교제", "성기구", "성숙녀", "성욕구", "성체위", "성체험", "성추행", "성충동", "성행위", "세키", "쇄기", "쇼킹", "수타킹", "수퍼맨",
        "쉐리", "쉐이", "쉐이빙", "스너프", "스킨쉽", "시박", "시방", "시뎅", "실비아", "싸이커", "싸갈", "싸달", "쌈치기", "쌤통", "쌩쑈",
        "쑤벌", "쓰레기", "씨필", "아구지", "아구창", "아구통", "아굴", "알몸", "알바걸", "알바녀", "알바맨", "알바비", "애로물", "앵벌이",
        "야께임", "야시시", "야요이", "야오위", "야자료", "얀예기", "양아", "어벙", "엉덩이", "에니탑", "에로스", "여자몸", "연병", "영계",
        "오까마", "오성인", "옷버그", "왕가스", "왕따", "원초적", "월경", "유방", "유두", "유흥", "윤락", "음경", "음란", "이녀나", "이년",
        "一進", "일진회", "一進會", "전조건", "전화방", "정력", "젖", "젖도", "조가비", "조교사", "조깐다", "조빠", "조털", "존니", "졸라맨",
        "종아리", "좀물", "주거라", "지달", "짜져", "짜지", "짱나", "짱나네", "째려", "쪼가리", "쪼갈", "쪼건", "쭈욱", "찌거", "천재님",
        "청부", "첫경험", "초칠", "카드", "카우치", "컴색", "콘필", "콩까", "퇴폐", "트렌스", "페로몬", "펩시맨", "포경", "포노", "폰번호",
        "폰으로", "폰팅", "品", "晶", "昌", "하두리", "할타", "허접", "허벌", "헤로인", "호로", "화류", "후까시", "후리자", "후릴", "히로뽕",
        "X등급", "X물", "ㅈㄱ", "ㄹ1", "ㅆ1", "ㅆl", "ㅆI", "까대", "요년", "점물", "허쩝", "ㅋㅐㅁ", "ㅋㅐM", "ㅋㅔ", "ㅋㅏㅣ", "ㅋㅑㅁ",
        "잡밥", "에로", "저까", "청부", "채워줘", "쾌앰", "쾌엠", "쾌애앰", "조지냐", "후래아", "후레", "저빱", "개족", "젓밥", "접밥", "마이세이담당",
        "마이세이운영", "비밀번호를넣으세요", "살인현장", "도움주는사람", "머니올려요", "머니헌터", "민증위조", "대포통장", "단란주점",
        "몰래카메라", "몰래캠코더", "몰래보기", "매드피아", "공짜버그", "버그프로그램", "계약동거", "교환부부", "근친상간", "돌흔", "데진다",
        "돼진다", "듸진다", "디진다", "그거하고파", "돈버는", "티켓다방", "조까치",
    };

    /// <summary>Entries containing these are dropped too: report vocabulary and ordinary nouns.</summary>
    public static readonly string[] ExcludedFragments =
    [
        "성인", "성폭", "성희롱", "성매매", "몰카", "알바", "마사지", "안마", "노래방", "주점", "다방", "도우미", "카메라", "비디오", "동영상",
        "닷컴", "닷넷", "사이트", "싸이트", "채널", "클럽", "센터", "용품", "쇼핑", "TV", "화상", "영화", "게임", "방송",
    ];

    /// <summary>
    /// Innocent words that contain abusive syllables. A match that overlaps one of these, and is not strictly longer
    /// than it, is dropped: 시발점 (starting point), 수박씨 발라, 십팔번 (favourite song), 새끼손가락, 보지 마세요.
    /// </summary>
    public static readonly string[] AllowWords =
    [
        "시발점", "시발역", "시발택시", "시바견", "시바이누", "시바스", "십팔번", "십팔만", "십팔일", "십팔세", "십팔년", "십팔개", "십팔명", "십팔시",
        "십팔층", "십팔호", "십팔억", "십팔분", "수박씨", "씨발라", "발라", "발라서", "발견", "발표", "발생", "발급", "발송", "발전", "발음",
        "발행", "발령", "발사", "발달", "발의", "발렛", "발바닥", "발목", "발등", "발가락", "발자국", "발효", "발열", "발주", "발족",
        "새끼손가락", "새끼발가락", "새끼고양이", "새끼강아지", "새끼줄", "새끼를낳", "새끼낳", "새끼들이태어", "고양이새끼", "강아지새끼",
        "새끼가태어", "새끼오리", "새끼새", "바보상자", "미친듯이", "미친듯", "미친척",
        "미친가격", "보지마", "보지말", "보지않", "보지도", "보지못", "보지는", "보지요", "보지만", "보지그", "보지뭐", "보지로", "보지를않",
        "보지안", "자지마", "자지말", "자지않", "자지도", "자지못", "자지는", "자지요", "자지안", "자위대", "자위권", "자위적", "가슴이답답",
        "가슴이아파", "가슴아파", "가슴이철렁", "가슴이두근", "가슴통증", "가슴이벅", "가슴이뛰", "가슴이찢", "죽여주네", "죽여주는", "졸라매",
        "졸라맸", "쓰레기봉투", "쓰레기통", "쓰레기수거", "쓰레기차", "쓰레기장", "쓰레기더미", "쓰레기무단", "쓰레기를", "쓰레기가", "데이트폭력",
        "불질러서", "불질렀", "폭파사고", "섹시하게입", "조지아", "개인", "개시", "개선", "개발", "개년도", "시바타", "십팔계", "미친다",
        "씨바이", "씨바우", "디저트", "칼국수", "칼퇴", "칼같이", "보지마라", "보지말라", "을미친", "를미친", "미친영향",
        "미친개", "감염병", "전염병", "이년간", "이년동안", "이년전", "이년후", "이년째",
        // Issue 13, session 9: look-alikes (the 丙申 year, 닥쳐온 한파, 소리 죽여 걷다, a dog taken along, animals listed).
        "병신생", "병신년생", "병신년새해", "병신년도", "병신년에태어", "병신일", "닥쳐오", "닥쳐온", "닥쳐올", "닥쳐와", "닥쳐서",
        "소리죽여", "숨죽여", "숨을죽여", "기척죽여", "발소리죽", "개같이데려", "개같이산책", "개같이가도", "개같이들어", "개같이타",
        "개새고양이", "개새토끼", "개새닭", "시팔십", "시8분", "자지러", "지랄탄", "개같이벌어", "애미야국이", "애미야밥",
        // Issue 13, session 11: words that merely hold a slur's syllables (신약, a sack's or kettle's mouth, picking
        // fruit, wild animals' young, the dialect 쌔리 "hard"), and self-deprecation (제가 멍청해서, 나 같은 바보).
        "신약", "자루아가리", "마대아가리", "포대아가리", "봉투아가리", "항아리아가리", "주전자주둥이", "주둥이부분", "주둥이가깨",
        "주둥이가부러", "주둥이를막", "따먹기", "땅따먹", "새끼를데리", "새끼를데려", "새끼들을데리", "새끼를품", "멧돼지새끼", "고라니새끼",
        "까치새끼", "새끼까치", "새끼고라니", "새끼멧돼지", "오리새끼", "너구리새끼", "마쌔리", "쌔리추", "쌔리춥", "쌔리덥", "쌔리많",
        "제가멍청", "내가멍청", "저같은멍청", "나같은멍청", "제가바보", "내가바보", "나같은바보", "저같은바보", "제가미쳤", "내가미쳤",
        "제가머리가나빠", "내가머리가나빠", "식충식물", "제머리가나빠", "내머리가나빠",
    ];

    /// <summary>Short terms that also end ordinary words (알아보지, 재미친구) count only at the start of a word.</summary>
    public static readonly HashSet<string> WordStartOnly = new(StringComparer.Ordinal)
    {
        "보지", "자지", "시바", "씨바", "미친", "바보", "꼴리", "니미", "놈아", "년아", "좆", "썅", "저년", "저놈", "그놈", "애인있", "애인없",
        "처녀", "키스", "ㅗ", "모텔", "팬티", "속옷", "몸매", "십팔", "죽여", "인질", "신음", "자위", "천치", "쪼다", "상놈",
    };

    private static readonly string[] SexualRoots =
    [
        "섹", "쎅", "쌕", "쉑스", "쇅스", "쐑스", "쒝스", "sex", "보지", "보G", "보Z", "뽀지", "자지", "잠지", "짬지", "딸딸", "딸치", "야동", "포르",
        "뽀르", "포로노", "누드", "자위", "오랄", "오럴", "빠구리", "빠굴", "떡치", "박고", "박아", "박을", "빨아", "빨고", "꼴려", "꼴리",
        "가슴", "갸슴", "젖", "유두", "콘돔", "딜도", "애무", "애액", "정액", "사정", "체위", "페니스", "패니스", "음경", "창녀", "창남", "걸레",
        "걸래", "따먹", "만져", "만지", "핥", "할터", "올가즘", "조루", "노브라", "노팬", "팬티", "펜티", "빤스", "에로", "야설", "야한",
        "그거할", "흥분", "후장", "항문", "페티", "펨돔", "팸돔", "로리", "롤리", "브라자", "브라쟈", "변태", "뵨태", "몸파", "윤간", "겁탈",
    ];

    private static readonly string[] ThreatRoots = ["뒈지", "뒈져", "뒤질래", "디질래", "데질래", "되질래", "죽여", "죽일", "쳐죽", "주길"];

    private static readonly string[] ProfanityRoots =
    [
        "발", "빨", "팔", "펄", "벌", "밸", "벨", "불", "풀", "바", "방", "빡", "뻘", "씹", "쉽", "십", "싑", "쓉", "좆", "좃", "좇", "졷", "조까", "족까",
        "존나", "졸라", "죤나", "쫀나", "지랄", "지럴", "즤랄", "쥐랄", "찌랄", "니미", "애미", "에미", "앰창", "엠창", "엄창", "염병", "옘병",
        "엠병", "썅", "샹", "씨", "시", "쒸", "쓰", "띠", "ㅅㅂ", "ㅆㅂ", "ㅈㄹ", "빌어먹", "우라질", "젓같", "젖같", "젓까", "젖까", "느금",
        "니기", "닝기", "뉘기", "늬기", "큐", "뀨", "fuck",
    ];

    private static readonly string[] InsultRoots =
    [
        "신", "싄", "쉰", "씬", "싀", "딱", "띤", "틴", "새끼", "세끼", "새키", "쉐끼", "쌔끼", "색기", "색끼", "쉑", "쇅", "놈", "넘", "늠", "눔",
        "뇬", "뇸", "년", "련", "또라", "돌아이", "똘", "등신", "멍청", "바보", "쓰레기", "레기", "찐따", "미친", "미췬", "미틴", "미칀", "꼴통",
        "대가리", "대갈", "버러지", "병", "븅", "빙", "자식", "자슥", "새야", "아가리", "주둥", "싸가지", "사가지", "양아치", "깝", "꼴값", "꼴갑",
    ];

    public static bool Keep(string raw)
    {
        if (raw.Length < 2 || Excluded.Contains(raw))
        {
            return false;
        }

        foreach (var fragment in ExcludedFragments)
        {
            if (raw.Contains(fragment, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        // Latin-only spam names (site names, "ASS" inside "class"): our own few Latin terms are in CuratedTerms.
        return raw.Any(c => !char.IsAscii(c) || char.IsAsciiDigit(c)) && !raw.All(char.IsAsciiLetterOrDigit);
    }

    /// <summary>
    /// The label and weight of a raw entry from its normalised text: sexual, threat, strong swearing and name-calling
    /// count on their own; a spelling built only on weak roots (씨바, 쓰방) counts a little less; an entry with no
    /// known root (the list also holds spam such as 무료 and fragments such as 개가) is a weak hint only.
    /// </summary>
    public static (AbuseLabel Label, double Weight) Categorize(string normalized)
    {
        if (Contains(normalized, SexualRoots))
        {
            return (AbuseLabel.Sexual, 0.85);
        }

        if (Contains(normalized, ThreatRoots))
        {
            return (AbuseLabel.Threat, 0.85);
        }

        if (Contains(normalized, StrongSwearRoots))
        {
            return (AbuseLabel.Profanity, 0.9);
        }

        if (Contains(normalized, InsultRoots))
        {
            return (AbuseLabel.Insult, 0.85);
        }

        return Contains(normalized, ProfanityRoots) ? (AbuseLabel.Profanity, 0.6) : (AbuseLabel.Profanity, 0.3);
    }

    private static readonly string[] StrongSwearRoots =
    [
        "발", "빨", "팔", "펄", "벌", "밸", "벨", "풀", "씹", "좆", "좃", "좇", "존나", "지랄", "ㅅㅂ", "ㅆㅂ", "염병", "엠창", "엄창", "앰창", "니미",
        "니기", "느금", "애미", "에미", "썅", "큐", "뀨", "젓같", "젓까", "조까", "fuck", "랄", "럴", "엿먹", "엿같",
    ];

    private static bool Contains(string text, string[] roots)
    {
        foreach (var root in roots)
        {
            if (text.Contains(root, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
