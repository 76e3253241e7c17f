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
        new(AbuseLabel.Threat, 0.8, ["집주소", "사는곳", "퇴근시간", "이름알아"], ["찾아가", "찾아간", "가만안", "조심", "죽여", "죽인", "두고보"]),
    ];
}
