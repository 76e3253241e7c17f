using Minwon.Core.Quality;

namespace Minwon.Core.Tests.Quality;

/// <summary>
/// Real counsellors say the same thing many ways. Each row swaps one part of a clean consultation for another way of
/// saying it (which must leave every area at 100) or for a defect (which must lower that one area and no other).
/// </summary>
public sealed class PhraseVarietyTests
{
    [Theory]
    [InlineData("감사합니다, 서울특별시 다산콜센터 상담사 ○○○입니다.")]
    [InlineData("안녕하세요 120 다산콜센터 김민지입니다")]
    [InlineData("행복한 서울 다산콜센터 상담사 김민지입니다")]
    [InlineData("사랑합니다 고객님, 다산콜센터 김민지입니다.")]
    [InlineData("네, 다산콜센터 상담사 김민지입니다.")]
    [InlineData("안녕하세요 서울시청 민원실 김민지 주무관입니다")]
    [InlineData("안녕하세요, 상담사 ***입니다. 120다산콜센터입니다.")]
    [InlineData("감사합니다 다산 콜센터 상담사 김 민지입니다")]
    [InlineData("네 안녕하세요 다산콜센터입니다 저는 상담사 김민지라고 합니다")]
    [InlineData("안녕하세요! 120 상담사 OOO입니다 :)")]
    [InlineData("반갑습니다. 서울특별시 120다산콜센터 상담사 홍길동입니다.")]
    [InlineData("안녕하십니까 서울특별시 120 다산콜센터 이서준 상담원입니다 무엇을 도와드릴까요")]
    [InlineData("기다려 주셔서 감사합니다. 다산콜센터 상담사 최유리입니다.")]
    public void Greetings_said_differently_keep_every_area_whole(string greeting)
    {
        var result = Consultations.Score((Consultations.Clean with { Greeting = greeting }).Build());
        Assert.True(Consultations.Lowered(result).Length == 0, Consultations.Explain(result));
    }

    [Theory]
    [InlineData("네 말씀하세요.")]
    [InlineData("여보세요?")]
    [InlineData("네, 무슨 일로 전화하셨어요?")]
    [InlineData("네 120입니다.")]
    [InlineData("안녕하세요, 상담사 김민지입니다.")]
    [InlineData("안녕하세요 다산콜센터입니다 무엇을 도와드릴까요")]
    public void Incomplete_greetings_lower_the_greeting_only(string greeting)
    {
        var result = Consultations.Score((Consultations.Clean with { Greeting = greeting }).Build());
        Assert.Equal(["greeting"], Consultations.Lowered(result));
    }

    [Fact]
    public void A_bare_institution_on_the_phone_is_a_greeting_that_lacks_only_the_name()
    {
        var result = Consultations.Score((Consultations.Clean with { Greeting = "네 120입니다", Channel = ConsultationChannel.Phone }).Build());
        var greeting = result.Findings.Where(f => f.Area == QualityArea.Greeting).ToDictionary(f => f.Item, f => f.Passed);
        Assert.True(greeting[BuiltInItems.GreetingPhrase]);
        Assert.True(greeting[BuiltInItems.InstitutionNamed]);
        Assert.False(greeting[BuiltInItems.CounsellorNamed]);
    }

    [Theory]
    [InlineData("감사합니다 좋은 하루 되세요")]
    [InlineData("상담사 김하늘이었습니다. 감사합니다.")]
    [InlineData("네 들어가세요~")]
    [InlineData("좋은 하루 보내세요~")]
    [InlineData("이용해 주셔서 감사합니다.")]
    [InlineData("행복한 하루 되십시오.")]
    [InlineData("네 감사합니다")]
    [InlineData("안녕히 계세요.")]
    [InlineData("편안한 밤 되세요.")]
    [InlineData("고맙습니다.")]
    [InlineData("즐거운 주말 보내세요!")]
    [InlineData("네 조심히 들어가세요")]
    [InlineData("지금까지 상담사 김하늘이었습니다")]
    [InlineData("문의해 주셔서 감사합니다. 건강하세요.")]
    public void Closings_said_differently_keep_every_area_whole(string closing)
    {
        var result = Consultations.Score((Consultations.Clean with { Closing = closing }).Build());
        Assert.True(Consultations.Lowered(result).Length == 0, Consultations.Explain(result));
    }

    [Theory]
    [InlineData("네.")]
    [InlineData("네 알겠습니다.")]
    [InlineData("그럼 그렇게 하세요.")]
    [InlineData("네 그럼 이만 끊겠습니다.")]
    [InlineData("")]
    public void A_missing_closing_greeting_lowers_the_closing_only(string closing)
    {
        var result = Consultations.Score((Consultations.Clean with { Closing = closing }).Build());
        Assert.Equal(["closing"], Consultations.Lowered(result));
    }

    [Theory]
    [InlineData("더 궁금하신 점 있으신가요")]
    [InlineData("다른 문의 사항은 없으세요?")]
    [InlineData("혹시 더 필요하신 거 있으세요?")]
    [InlineData("궁금하신 점 더 있으세요?")]
    [InlineData("그 밖에 도와드릴 일은 없을까요?")]
    [InlineData("다른 건 괜찮으세요?")]
    [InlineData("추가로 문의하실 내용 있으신가요?")]
    [InlineData("또 다른 문의 있으세요?")]
    [InlineData("더 도와드릴 건 없으실까요?")]
    [InlineData("다른 궁금한 사항 있으시면 말씀해 주세요.")]
    [InlineData("궁금하신 거 또 있으세요?")]
    [InlineData("혹시 궁금하신 점 있으세요?")]
    public void Checks_for_further_questions_said_differently_keep_every_area_whole(string check)
    {
        var result = Consultations.Score((Consultations.Clean with { Check = check }).Build());
        Assert.True(Consultations.Lowered(result).Length == 0, Consultations.Explain(result));
    }

    [Fact]
    public void No_check_for_further_questions_lowers_the_closing_only()
    {
        var result = Consultations.Score((Consultations.Clean with { Check = "", CheckReply = "" }).Build());
        Assert.Equal(["closing"], Consultations.Lowered(result));
    }

    [Theory]
    [InlineData("많이 불편하셨겠어요. 어느 구에 사세요?")]
    [InlineData("답답하셨겠네요. 어느 구에 사세요?")]
    [InlineData("불편을 드려 죄송합니다. 어느 구에 사세요?")]
    [InlineData("아이고, 많이 놀라셨죠. 어느 구에 사세요?")]
    [InlineData("속상하시겠어요. 어느 구에 사세요?")]
    [InlineData("그러셨군요, 마음이 많이 급하시겠어요. 어느 구에 사세요?")]
    [InlineData("충분히 이해합니다. 어느 구에 사세요?")]
    [InlineData("오래 기다리셨죠, 죄송합니다. 어느 구에 사세요?")]
    public void Empathy_said_differently_answers_a_complaint(string confirm)
    {
        var complaint = Consultations.Clean with { Request = "여권을 잃어버렸는데 벌써 세 번째 전화하는 거예요. 너무 답답해요.", Confirm = confirm };
        var result = Consultations.Score(complaint.Build());
        Assert.True(Consultations.Lowered(result).Length == 0, Consultations.Explain(result));
    }

    [Fact]
    public void A_complaint_met_without_empathy_lowers_the_attitude_only()
    {
        var complaint = Consultations.Clean with { Request = "여권을 잃어버렸는데 벌써 세 번째 전화하는 거예요. 너무 답답해요." };
        var result = Consultations.Score(complaint.Build());
        Assert.Equal(["attitude"], Consultations.Lowered(result));
        Assert.Contains(result.Findings, f => f.Item == BuiltInItems.EmpathyOnComplaint && !f.Passed && f.Turn == 1);
    }

    [Theory]
    [InlineData("그걸 왜 이제 말씀하세요? 마포구청 민원여권과에서 신청하시면 됩니다.")]
    [InlineData("아까 말씀드렸잖아요. 마포구청 민원여권과에서 신청하시면 됩니다.")]
    [InlineData("제가 몇 번을 말해요. 마포구청 민원여권과에서 신청하시면 됩니다.")]
    [InlineData("그건 고객님 책임이에요. 마포구청 민원여권과에서 신청하시면 됩니다.")]
    [InlineData("그러게 제가 뭐랬어요. 마포구청 민원여권과에서 신청하시면 됩니다.")]
    [InlineData("그렇게 잘 아시면 직접 알아보시지 그러셨어요. 마포구청 민원여권과에서 신청하시면 됩니다.")]
    [InlineData("하아... 마포구청 민원여권과에서 신청하시면 됩니다.")]
    [InlineData("마포구청 민원여권과에서 신청하시면 됩니다 ㅡㅡ")]
    [InlineData("제 말 좀 끝까지 들어 보세요. 마포구청 민원여권과에서 신청하시면 됩니다.")]
    public void Blame_irritation_and_sarcasm_lower_the_attitude_only(string answer)
    {
        var result = Consultations.Score((Consultations.Clean with { Answer = answer }).Build());
        Assert.Equal(["attitude"], Consultations.Lowered(result));
    }

    [Theory]
    [InlineData("제가 아까 말씀드린 것처럼 마포구청 민원여권과에서 신청하시면 됩니다.")]
    [InlineData("다시 한번 말씀드리면, 마포구청 민원여권과에서 본인이 직접 신청하셔야 합니다.")]
    [InlineData("그러니까 제 말씀은, 마포구청 민원여권과로 가시면 된다는 거예요.")]
    [InlineData("많이 답답하셨죠. 마포구청 민원여권과에서 신청하시면 됩니다.")]
    [InlineData("잘 모르시겠으면 마포구청 민원여권과에 문의하시면 됩니다.")]
    [InlineData("요일 상관없이 마포구청 민원여권과에서 신청하실 수 있습니다.")]
    [InlineData("신고 잘하셨어요. 마포구청 민원여권과에서 신청하시면 됩니다.")]
    public void Ordinary_sentences_that_look_like_blame_keep_every_area_whole(string answer)
    {
        var result = Consultations.Score((Consultations.Clean with { Answer = answer }).Build());
        Assert.True(Consultations.Lowered(result).Length == 0, Consultations.Explain(result));
    }

    [Theory]
    [InlineData("그건 저희 소관 아니에요.")]
    [InlineData("그건 저희 업무가 아니라서요.")]
    [InlineData("여기 말고 다른 데 전화해 보세요.")]
    [InlineData("그런 건 저희가 몰라요.")]
    [InlineData("해당 기관에 문의하세요.")]
    [InlineData("저희가 해 드릴 수 있는 게 없네요.")]
    [InlineData("그건 잘 모르겠습니다.")]
    public void Dead_ends_lower_the_handling_only(string answer)
    {
        var result = Consultations.Score((Consultations.Clean with { Answer = answer }).Build());
        Assert.Equal(["handling"], Consultations.Lowered(result));
    }

    [Theory]
    [InlineData("그건 저희 소관이 아니라서 마포구청 민원여권과로 연결해 드리겠습니다.")]
    [InlineData("저희 업무는 아니지만, 02-3153-8460 민원여권과로 전화하시면 됩니다.")]
    [InlineData("정확히는 잘 모르겠지만 보통 4일 정도 걸립니다.")]
    [InlineData("그 부분은 제가 바로 답변드리기 어려워서 담당 부서에 확인 후 문자로 안내해 드리겠습니다.")]
    [InlineData("여권은 구청 민원여권과 담당이에요. 그쪽에 문의하시면 됩니다.")]
    [InlineData("저희 소관은 아니지만 민원으로 접수해 드리겠습니다. 접수번호는 2026-0412-000381입니다.")]
    public void Refusals_with_a_concrete_next_step_are_not_dead_ends(string answer)
    {
        var result = Consultations.Score((Consultations.Clean with { Answer = answer }).Build());
        Assert.True(Consultations.Lowered(result).Length == 0, Consultations.Explain(result));
    }

    [Theory]
    [InlineData("네, 주말에도 운영합니다. 토요일은 오후 1시까지예요.")]
    [InlineData("그 서류는 정부24에서 무료로 출력하실 수 있어요.")]
    [InlineData("네 가능합니다. 신분증만 챙겨 가세요.")]
    [InlineData("아니요, 그건 신청 대상이 아니세요.")]
    [InlineData("마포구청 여권과 번호는 02-3153-8460입니다.")]
    public void Answers_said_differently_keep_every_area_whole(string answer)
    {
        var result = Consultations.Score((Consultations.Clean with { Answer = answer }).Build());
        Assert.True(Consultations.Lowered(result).Length == 0, Consultations.Explain(result));
    }
}
