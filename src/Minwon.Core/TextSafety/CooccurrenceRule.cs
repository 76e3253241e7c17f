namespace Minwon.Core.TextSafety;

/// <summary>
/// Two cues that are innocent apart and abusive together: "몇 살이야" with "애인", "찾아가서" with "가만".
/// Matched on the normalised text (no spaces), anywhere in the line.
/// </summary>
internal sealed record CooccurrenceRule(AbuseLabel Label, double Weight, string[] First, string[] Second)
{
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
        new(AbuseLabel.Threat, 0.8, ["몇층", "퇴근몇시", "퇴근시간", "차번호", "사는동네"], ["다알아", "알고있", "기다릴", "기다린다", "조심"]),
        new(AbuseLabel.Threat, 0.85, ["휘발유", "시너", "가스통", "인화물", "기름한통"], ["들고", "사들고", "가지고갈", "뿌리", "뿌릴"]),
        new(AbuseLabel.Threat, 0.8, ["집주소", "사는곳", "퇴근시간", "이름알아"], ["찾아가", "찾아간", "가만안", "조심", "죽여", "죽인", "두고보"]),
    ];
}
