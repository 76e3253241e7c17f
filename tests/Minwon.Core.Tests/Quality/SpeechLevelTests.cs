using Minwon.Core.Platform;
using Minwon.Core.Quality;

namespace Minwon.Core.Tests.Quality;

/// <summary>반말 against 존댓말 by the sentence-final ending, on typed chat and on unpunctuated transcripts.</summary>
public sealed class SpeechLevelTests
{
    [Theory]
    [InlineData("네 확인해 드리겠습니다")]
    [InlineData("잠시만 기다려 주시겠어요?")]
    [InlineData("네 그렇습니다.")]
    [InlineData("그럼요.")]
    [InlineData("아 그러세요?")]
    [InlineData("네네")]
    [InlineData("그러니까요.")]
    [InlineData("주민센터에 가시면 됩니다.")]
    [InlineData("신분증 지참하셔야 하고요.")]
    [InlineData("보통 3일 걸려요.")]
    [InlineData("네 그렇죠")]
    [InlineData("그러시군요.")]
    [InlineData("아니요, 그건 아니에요.")]
    [InlineData("괜찮아요.")]
    [InlineData("제가 알아볼게요.")]
    [InlineData("여기 있습니다.")]
    [InlineData("조금만 기다려 주세요~")]
    [InlineData("네 고객님")]
    [InlineData("아 네 선생님")]
    [InlineData("여보세요 들리세요?")]
    [InlineData("잠시만요")]
    [InlineData("네~")]
    [InlineData("감사합니다^^")]
    [InlineData("마포구청 교통과입니다.")]
    [InlineData("02-2133-1234입니다.")]
    [InlineData("1번 누르시면 돼요.")]
    [InlineData("신청 기간은 3월 말까지예요")]
    [InlineData("온라인 신청도 되고요")]
    [InlineData("혹시 성함이 어떻게 되세요")]
    [InlineData("차량 번호 불러 주시겠어요")]
    [InlineData("참고로 운영 시간은 평일 9시~18시.")]
    [InlineData("준비물: 신분증, 여권 사진 1매.")]
    [InlineData("문의처: 마포구청 교통과")]
    [InlineData("네 하세여")]
    [InlineData("그렇게 하시면 되거든요.")]
    [InlineData("네 가능하십니다")]
    [InlineData("동네 주민센터.")]
    [InlineData("어 그러니까 이게 제가 확인해 보니까 처리가 된 상태인데")]
    public void Polite_speech_is_not_plain(string sentence) =>
        Assert.Null(SpeechLevel.FindPlain(new CompactText(sentence), null));

    [Theory]
    [InlineData("주민센터에 가셔서", "신분증 보여 주시면 됩니다")]
    [InlineData("제가 확인해", "드릴게요")]
    [InlineData("처리가 된 상태인데", "담당 부서에서 연락드릴 거예요")]
    [InlineData("가까운 주민센터나", "정부24에서 하시면 돼요")]
    [InlineData("보통은 사흘 정도", "걸립니다")]
    [InlineData("그 서류를", "제출하시면 됩니다")]
    [InlineData("신청하지", "않으셔도 됩니다")]
    [InlineData("여기 주소로 보내", "드리겠습니다")]
    public void A_sentence_split_across_transcript_turns_is_not_plain(string turn, string next) =>
        Assert.Null(SpeechLevel.FindPlain(new CompactText(turn), new CompactText(next)));

    [Theory]
    [InlineData("그건 구청에 물어봐.")]
    [InlineData("아까 말했잖아")]
    [InlineData("몰라")]
    [InlineData("그걸 왜 나한테 물어")]
    [InlineData("알았어")]
    [InlineData("기다려")]
    [InlineData("그거 안 돼")]
    [InlineData("그렇게 하면 돼.")]
    [InlineData("내일 다시 전화해")]
    [InlineData("뭐라고?")]
    [InlineData("됐어 끊어")]
    [InlineData("빨리 말해")]
    [InlineData("그게 말이 되냐")]
    [InlineData("그걸 내가 어떻게 알아")]
    [InlineData("서류 가져와")]
    [InlineData("지금 바빠")]
    [InlineData("구청 가면 있을 거야")]
    [InlineData("그건 안 되는데.")]
    [InlineData("내가 확인할게")]
    [InlineData("확인했어")]
    [InlineData("처리됐어")]
    [InlineData("그런 거 없어")]
    [InlineData("그렇다니까")]
    [InlineData("알겠냐")]
    [InlineData("서울역 환승센터에서 타")]
    [InlineData("지하철이 더 빨라")]
    [InlineData("2호선 갈아타면 40분 걸려")]
    [InlineData("금요일이랑 토요일은 안 가져가")]
    [InlineData("집 앞에 내놔")]
    [InlineData("그건 좋다")]
    [InlineData("원래 그렇거든")]
    [InlineData("그렇네")]
    [InlineData("ㅇㅇ")]
    [InlineData("응 맞아")]
    public void Plain_speech_is_found(string sentence) =>
        Assert.NotNull(SpeechLevel.FindPlain(new CompactText(sentence), null));

    [Theory]
    [InlineData("그건 몰라 구청에 물어보든가 하세요")]
    [InlineData("아까 말했잖아 그거 내일 해요")]
    [InlineData("그게 되냐 안 된다니까요")]
    [InlineData("이미 접수했어 기다리시면 돼요")]
    public void Unambiguous_plain_endings_are_found_inside_an_unpunctuated_transcript_turn(string turn) =>
        Assert.NotNull(SpeechLevel.FindPlain(new CompactText(turn), null));

    [Fact]
    public void Every_plain_ending_the_detector_relies_on_is_a_final_ending_in_mecab_ko_dic()
    {
        var finals = EmbeddedData.MecabSurfaces("EF").ToHashSet(StringComparer.Ordinal);
        string[] endings = ["잖아", "거든", "냐", "느냐", "냐고", "더라", "구나", "는군", "라니까", "다니까", "을게", "을래", "을까", "을걸", "는데", "던데", "라고", "다고", "어", "아", "지", "네", "다", "야"];
        var missing = endings.Where(e => !finals.Contains(e)).ToList();
        Assert.True(missing.Count == 0, $"not EF endings in mecab-ko-dic: {string.Join(", ", missing)}");
    }
}
