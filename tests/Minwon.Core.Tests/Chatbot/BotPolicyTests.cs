using Minwon.Core.Chatbot;

namespace Minwon.Core.Tests.Chatbot;

public sealed class BotPolicyTests
{
    private static readonly BotPolicy Policy = new(new BotPolicyOptions { MinScore = 4, AmbiguityRatio = 0.9f, MissesBeforeHandoff = 2 });

    private static BotCandidate[] Hits(params (string Id, float Score)[] hits) => hits.Select(h => new BotCandidate(h.Id, h.Score)).ToArray();

    [Theory]
    [InlineData("상담사 연결")]
    [InlineData("상담원이랑 통화하고 싶어요")]
    [InlineData("그냥 사람이랑 얘기할래요")]
    [InlineData("직원 연결해주세요")]
    public void Hands_off_when_the_citizen_asks_for_a_person(string text) =>
        Assert.Equal(BotAction.Handoff, Policy.Decide(BotState.Start, text, Hits(("a", 20)), counsellorsOpen: true).Action);

    [Fact]
    public void Offers_a_callback_instead_of_a_handoff_when_counsellors_are_closed() =>
        Assert.Equal(BotAction.OfferCallback, Policy.Decide(BotState.Start, "상담사 연결", [], counsellorsOpen: false).Action);

    [Fact]
    public void Answers_a_clear_best_match()
    {
        var d = Policy.Decide(BotState.Start, "주차위반 과태료 어디서 내요", Hits(("fine", 15), ("appeal", 6)), true);
        Assert.Equal(BotAction.Answer, d.Action);
        Assert.Equal("fine", d.ArticleId);
    }

    [Fact]
    public void Asks_which_one_when_two_answers_are_close()
    {
        var d = Policy.Decide(BotState.Start, "과태료", Hits(("fine", 10), ("appeal", 9.5f)), true);
        Assert.Equal(BotAction.AskChoice, d.Action);
        Assert.Equal(["fine", "appeal"], d.Choices);
    }

    [Theory]
    [InlineData("1", "fine")]
    [InlineData("2번이요", "appeal")]
    [InlineData("첫번째", "fine")]
    public void Takes_the_chosen_answer(string reply, string expected)
    {
        var state = new BotState(BotPhase.AwaitingChoice, ["fine", "appeal"], 0);
        var d = Policy.Decide(state, reply, [], true);
        Assert.Equal(BotAction.Answer, d.Action);
        Assert.Equal(expected, d.ArticleId);
    }

    [Theory]
    [InlineData("아니요", BotAction.OfferRephrase)]
    [InlineData("도움이 안돼요", BotAction.OfferRephrase)]
    [InlineData("No", BotAction.OfferRephrase)]
    [InlineData("not really", BotAction.OfferRephrase)]
    [InlineData("네 감사합니다", BotAction.Acknowledge)]
    [InlineData("넵", BotAction.Acknowledge)]
    [InlineData("Yes, thanks!", BotAction.Acknowledge)]
    public void Reads_feedback_on_an_answer(string reply, BotAction expected) =>
        Assert.Equal(expected, Policy.Decide(new BotState(BotPhase.AwaitingFeedback, [], 0), reply, [], true).Action);

    [Fact]
    public void Offers_the_next_best_answer_after_the_first_no_and_hands_off_on_the_second()
    {
        var first = Policy.Decide(new BotState(BotPhase.AwaitingFeedback, ["appeal", "deadline"], 0), "아니요", [], true);
        Assert.Equal(BotAction.AnswerNext, first.Action);
        Assert.Equal("appeal", first.ArticleId);

        var second = Policy.Decide(new BotState(BotPhase.AwaitingFeedback, ["deadline"], 0, Declines: 1), "아니요 그게 아니에요", [], true);
        Assert.Equal(BotAction.Handoff, second.Action);
        Assert.Equal(HandoffReason.NotHelpful, second.Reason);
    }

    [Fact]
    public void Keeps_the_runners_up_above_the_threshold_as_alternatives()
    {
        Assert.Equal(["appeal"], Policy.Alternatives(Hits(("fine", 15), ("appeal", 6), ("noise", 2)), "fine"));
        Assert.Empty(Policy.Alternatives(Hits(("fine", 15), ("noise", 3)), "fine"));
    }

    [Theory]
    [InlineData("agent")]
    [InlineData("I want to talk to a human")]
    [InlineData("Counsellor please")]
    [InlineData("connect me to a counselor")]
    [InlineData("Can I speak to a representative?")]
    public void Hands_off_when_an_english_writer_asks_for_a_person(string text) =>
        Assert.Equal(BotAction.Handoff, Policy.Decide(BotState.Start, text, [], counsellorsOpen: true).Action);

    [Fact]
    public void Hands_an_english_question_it_cannot_answer_to_a_counsellor_at_once()
    {
        var d = Policy.Decide(BotState.Start, "Where do I pay a parking fine?", Hits(("fine", 1.2f)), true);
        Assert.Equal(BotAction.Handoff, d.Action);
        Assert.Equal(HandoffReason.LowConfidence, d.Reason);
        Assert.Equal(BotAction.Rephrase, Policy.Decide(BotState.Start, "그거 있잖아요", Hits(("x", 1.5f)), true).Action);
    }

    [Fact]
    public void Asks_to_rephrase_once_then_hands_off_on_low_confidence()
    {
        Assert.Equal(BotAction.Rephrase, Policy.Decide(BotState.Start, "그거 있잖아요", Hits(("x", 1.5f)), true).Action);
        var d = Policy.Decide(new BotState(BotPhase.Idle, [], 1), "그거 있잖아요 그거", Hits(("x", 1.5f)), true);
        Assert.Equal(BotAction.Handoff, d.Action);
        Assert.Equal(HandoffReason.LowConfidence, d.Reason);
    }

    [Theory]
    [InlineData("망원동이에요", true)]
    [InlineData("마포구 망원동이에요", true)]
    [InlineData("저 송파구 살아요", false)]
    [InlineData("강남구요", true)]
    [InlineData("망원동 물이 안나와요", false)]
    [InlineData("주차딱지 어디서 내요", false)]
    public void Asks_what_the_question_is_when_the_citizen_only_names_a_place(string text, bool onlyPlace)
    {
        Assert.Equal(onlyPlace, BotPolicy.IsOnlyPlace(BotPolicy.Compact(text)));
        var d = Policy.Decide(BotState.Start, text, Hits(("water-001", 15.7f)), true);
        Assert.Equal(onlyPlace ? BotAction.AskTopic : BotAction.Answer, d.Action);
    }
}
