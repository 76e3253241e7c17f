namespace Minwon.Core.TextSafety;

/// <summary>
/// Two cues that are innocent apart and abusive together: "몇 살이야" with "애인", "찾아가서" with "가만".
/// Matched on the normalised text (no spaces), anywhere in the line.
/// </summary>
internal sealed record CooccurrenceRule(AbuseLabel Label, double Weight, string[] First, string[] Second)
{
    // Declared before All: static fields are set in the order they are written.
    private static readonly string[] Persons =
    [
        "당신", "그쪽", "상담원", "상담사", "담당자", "직원", "주무관", "공무원", "아저씨", "아줌마", "아가씨", "니들", "너희", "너네", "댁은",
        "댁이", "과장", "팀장", "너같은", "니같은", "댁같은",
        // Session 13: the person as the measure of a comparison ("로봇이 해도 너보다는 낫겠다").
        "너보다", "너보단", "니보다", "댁보다",
    ];

    private static readonly string[] Contempt =
    [
        // intelligence
        "머리는", "머리가텅", "머리가비", "머리굴리", "머리도빠", "산수도", "글자읽을", "글자는읽", "글자도못", "학교는나왔", "학교는다니",
        "유치원생", "초등학생만도", "초등학생보다못", "초등학생수준", "중학생수준", "중학생숙제", "생각이란걸", "생각이라는걸", "무능력자",
        "뇌는", "뇌빼", "뇌가", "붕어도", "붕어수준", "한국말못", "멍텅",
        // looks
        "얼굴보니", "그얼굴로", "얼굴보는것도", "뚱뚱", "뚱땡", "대머리", "못생", "떡칠", "돼지처럼", "그몸으로", "몸만큼",
        // family
        "부모가뭘", "부모가그", "부모에그자식", "엄마가그렇게", "엄마얼굴", "어머니가이거", "어머님이불쌍", "집안꼴", "집구석", "낳은부모",
        "대가끊", "닮으면", "집에서그렇게가르", "그렇게키운",
        // age and origin
        "나이처먹", "나잇값", "젊은게", "젊은것들", "촌놈", "촌년", "틀딱", "조선족", "쪽바리",
        "짱깨", "출신이지",
        // dehumanising comparisons
        "벌레같", "벌레만도", "벌레야", "벌레보다", "짐승이랑", "짐승같", "짐승이지", "짐승이야", "기생충", "허수아비", "구더기",
        "원숭이도", "원숭이같", "식충", "개돼지", "좀비처럼", "좀비같", "앵무새야", "사람이아니", "사람맞", "사람이라기",
        "사람같지", "녹음기야",
        // Session 13: anything would do better than the person (a counterfactual comparison, not a comparison of services).
        "보다는낫겠", "보단낫겠", "보다낫겠", "보다는잘하겠", "보단잘하겠", "보다잘하겠",
    ];

    public static readonly CooccurrenceRule[] All =
    [
        new(AbuseLabel.Sexual, 0.85, ["몇살", "나이가어떻", "나이가몇"], ["애인", "남친", "여친", "남자친구", "여자친구", "결혼했", "목소리", "예쁘", "이쁘", "귀엽", "만나", "섹시", "아가씨"]),
        new(AbuseLabel.Sexual, 0.8, ["퇴근", "끝나고", "주말에"], ["만나자", "만날래", "만나서술", "데이트", "술한잔", "밥먹자", "같이놀", "모텔", "얼굴보"]),
        new(AbuseLabel.Sexual, 0.85, ["목소리"], ["섹시", "야하", "꼴", "흥분", "듣고싶어서전화", "자꾸생각"]),
        new(AbuseLabel.Sexual, 0.8, ["아가씨", "언니", "자기"], ["예쁘", "이쁘", "귀엽", "섹시", "만나자", "만날래", "애인", "사귀"]),
        new(AbuseLabel.Threat, 0.85, ["찾아가", "찾아갈", "찾아간"], ["가만안", "가만두지", "죽여", "죽인", "죽일", "칼들", "칼로", "칼을", "칼가지", "칼빵", "패버", "밤길", "조심", "각오해", "불지", "불질", "니네집", "너희집", "집주소", "얼굴보자"]),
        new(AbuseLabel.Sexual, 0.8, ["혼자사는", "혼자살"], ["외롭", "가줄까", "놀러갈", "찾아갈", "같이있어"]),
        new(AbuseLabel.Sexual, 0.8, ["치마", "스타킹", "다리", "속옷", "몸매"], ["예쁘", "이쁘", "보여줘", "보여봐", "입었어", "벗어"]),
        new(AbuseLabel.Sexual, 0.8, ["영상으로", "화상으로", "카메라"], ["옷", "벗", "몸", "속옷"]),
        new(AbuseLabel.Threat, 0.85, ["애가", "아이가", "자식", "딸", "아들", "가족", "와이프", "남편"], ["어느학교", "학교다니는지", "어디사는지", "집이어딘지", "찾는건일도"]),
        // Knowing the person's floor, commute, home or child's way to school, with knowing, noting or waiting (the second
        // rule: session 13 widened both halves from the same classes, the routine said with an honorific or a question and
        // 잘 챙기세요; 조심 stays with the first rule's cues only: "퇴근길에 눈 온대요 조심히 들어가세요" is kindness).
        new(AbuseLabel.Threat, 0.8, ["몇층", "퇴근몇시", "퇴근시간", "차번호", "사는동네"],
            ["다알아", "알고있", "기다릴", "기다린다", "조심", "저알아", "제가알아", "내가알아", "알아냈", "알아놨", "봐뒀", "봐놨", "찍어놨", "잘챙기", "기다리고있", "기억해"]),
        new(AbuseLabel.Threat, 0.8, ["퇴근길", "퇴근하시", "출근길", "등하굣길", "하굣길", "집이어디", "집어디", "어디사는지", "어디사시는지", "사시는동네",
            "사시는곳", "몇시에끝나", "끝나는시간"],
            ["다알아", "알고있", "저알아", "제가알아", "내가알아", "알아냈", "알아놨", "봐뒀", "봐놨", "찍어놨", "잘챙기", "기다릴", "기다리고있", "기억해"]),
        // Session 13: a meeting outside proposed to the person (밖에서 마주치면, 건물 앞에서 보자): a threat without a threat word.
        new(AbuseLabel.Threat, 0.8, ["밖에서", "건물앞에서", "주차장에서", "골목에서", "퇴근길에", "길에서"], ["마주치", "한번보자", "얼굴보자", "두고보", "보자고"]),
        // Session 13: honorific sarcasm: praise of the person's ability said about a failure (참 잘나셨네요 그 머리로,
        // 대단하시네요 그렇게 일하고도 월급 받으시는 거). Sincere praise names no failure.
        new(AbuseLabel.Insult, 0.75, ["잘나셨", "잘나신", "잘나셔", "잘났", "잘난", "대단하시", "대단하십", "천재시", "천재세", "똑똑하시", "똑똑하신", "똑똑하셔",
            "머리좋으신", "훌륭하시", "훌륭하십", "존경합니다", "존경스럽", "인재가", "인재시"],
            ["그머리로", "그렇게일하", "아무것도안", "아무것도못", "하나도안", "하나도모르", "월급받", "알아서하시", "그입으로", "잘난입", "기적",
             "낮은데", "왜여기", "그수준", "그정도로", "이렇게처리", "이렇게일", "그렇게처리"]),
        new(AbuseLabel.Threat, 0.85, ["휘발유", "시너", "가스통", "인화물", "기름한통"], ["들고", "사들고", "가지고갈", "뿌리", "뿌릴"]),
        new(AbuseLabel.Threat, 0.8, ["집주소", "사는곳", "퇴근시간", "이름알아"], ["찾아가", "찾아간", "가만안", "조심", "죽여", "죽인", "두고보"]),

        // Issue 13, session 11: targeted contempt without a swear word. A word naming the person spoken to or about
        // (당신, 그쪽, 상담원, 담당자, 직원 ...) with an evaluative word about their intelligence, looks, family, age
        // or origin, or a dehumanising comparison. Neither half is abuse alone ("담당자 바꿔 주세요", "벌레가 나와요").
        new(AbuseLabel.Insult, 0.75, Persons, Contempt),
        // Threats as statements about the counsellor's person, home, family or commute: "기다릴게" + "당신 퇴근" (both
        // innocent alone; the owner is part of the cue, so "퇴근길 버스 기다리는데" is not one; waiting and 조심 are left
        // out: "담당자 퇴근 전에 처리해 주세요 기다릴게요" is a complaint, 퇴근길 조심 is a term of its own). The short list first:
        // the 144 owned cues are looked for only in a line that holds one of these. A name is left out: "담당자 이름 적어
        // 놨습니다 감사실에 민원 넣겠습니다" is how a complaint is made.
        new(AbuseLabel.Threat, 0.8, ["기억해", "기억했", "봐뒀", "봐놨", "알아냈", "알아놨", "알아보면", "알고있", "다알아", "찍어놨", "적어놨", "잘지켜", "무사히",
            "찾아낼", "뿌려", "뿌릴", "뿌린다", "마주치", "밖에서보", "두고봐", "처신", "각오"],
            Owned(["당신", "그쪽", "니", "너", "너희", "상담원", "상담사", "담당자", "댁"],
            ["퇴근", "출근", "집", "가족", "애들", "자식", "딸", "아들", "와이프", "남편", "얼굴", "목소리", "차번호", "사진", "주소", "동네"])),
        new(AbuseLabel.Sexual, 0.8, ["목소리", "숨소리", "귀에"], ["속삭", "상상", "크게내", "내스타일", "흥분"]),
        new(AbuseLabel.Sexual, 0.8, ["허리라인", "엉덩이", "몸한번", "몸좀", "가슴"], ["예술", "보여주", "보여줘", "흔들", "만지", "좋던데", "끝내주"]),
        new(AbuseLabel.Sexual, 0.8, ["번호좀줘", "번호줘", "연락처줘", "연락처좀줘", "번호알려줘"], ["만나", "놀자", "스타일", "밤에", "술한잔"]),
    ];

    /// <summary>Each owner followed by each thing owned, as one cue ("당신퇴근", "그쪽가족").</summary>
    private static string[] Owned(string[] owners, string[] things) => [.. owners.SelectMany(o => things.Select(t => o + t))];
}
