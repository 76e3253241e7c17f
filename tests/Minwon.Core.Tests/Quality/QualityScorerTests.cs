using Minwon.Core.Quality;

namespace Minwon.Core.Tests.Quality;

public sealed class QualityScorerTests
{
    [Fact]
    public void A_clean_consultation_scores_100_in_every_area()
    {
        var result = Consultations.Score(Consultations.Clean.Build());
        Assert.All(QualityAreas.All, a => Assert.Equal(100, result.Scores[a]));
        Assert.Equal(100, result.Total);
        Assert.All(result.Findings, f => Assert.True(f.Passed, f.Item));
        Assert.Equal(1, result.ScorecardVersion);
    }

    [Fact]
    public void Every_finding_belongs_to_the_area_of_its_item()
    {
        var result = Consultations.Score((Consultations.Clean with { Greeting = "네.", Closing = "네." }).Build());
        Assert.All(result.Findings, f => Assert.Equal(BuiltInItems.Catalogue[f.Item].Area, f.Area));
    }

    [Fact]
    public void Plain_speech_lowers_the_attitude_only_and_points_at_the_turn()
    {
        var result = Consultations.Score((Consultations.Clean with { Answer = "마포구청 민원여권과 가서 신청해. 사진 한 장 챙겨." }).Build());
        Assert.Equal(["attitude"], Consultations.Lowered(result));
        Assert.Contains(result.Findings, f => f.Item == BuiltInItems.HonorificSpeech && !f.Passed && f.Turn == 4);
    }

    [Theory]
    [InlineData(5, 100)]
    [InlineData(60, 100)]
    [InlineData(120, 43)]
    [InlineData(600, 0)]
    public void Reachability_follows_the_time_in_queue(double queue, int expected)
    {
        var result = Consultations.Score((Consultations.Clean with { QueueSeconds = queue }).Build());
        Assert.Equal(expected, result.Scores[QualityArea.Reachability]);
        Assert.All(QualityAreas.All.Where(a => a != QualityArea.Reachability), a => Assert.Equal(100, result.Scores[a]));
    }

    [Fact]
    public void A_long_silence_without_a_word_lowers_reachability_and_an_announced_one_does_not()
    {
        (Speaker, string, double)[] Turns(string beforeHold) =>
        [
            (Speaker.Counsellor, "안녕하세요, 120다산콜센터 상담사 김하늘입니다.", 0),
            (Speaker.Citizen, "재산세 납부 확인 좀 해 주세요.", 6),
            (Speaker.Counsellor, beforeHold, 10),
            (Speaker.Counsellor, "납부 완료로 확인됩니다.", 150),
            (Speaker.Counsellor, "더 궁금하신 점 있으세요?", 155),
            (Speaker.Citizen, "없어요", 158),
            (Speaker.Counsellor, "감사합니다. 좋은 하루 되세요.", 160),
        ];
        ConsultationRecord Build((Speaker S, string T, double O)[] turns) =>
            new("hold", ConsultationChannel.Phone, [.. turns.Select(t => new ConsultationTurn(t.S, t.T, t.O))]) { QueueSeconds = 10 };

        var silent = Consultations.Score(Build(Turns("재산세 납부 내역 말씀이시죠.")));
        var announced = Consultations.Score(Build(Turns("재산세 납부 내역 말씀이시죠. 잠시만 기다려 주시겠어요?")));

        Assert.Equal(["reachability"], Consultations.Lowered(silent));
        Assert.Contains(silent.Findings, f => f.Item == BuiltInItems.HoldAnnounced && !f.Passed && f.Turn == 3);
        Assert.Empty(Consultations.Lowered(announced));
    }

    [Fact]
    public void Recorded_facts_score_transfers_abandoned_attempts_and_holds()
    {
        var record = Consultations.Clean.Build() with
        {
            Transfers = 3,
            AbandonedAttempts = 1,
            Holds = [new HoldPeriod(30, 400, Announced: true)],
        };
        var result = Consultations.Score(record);
        var failed = result.Findings.Where(f => !f.Passed).Select(f => f.Item).Order().ToArray();
        Assert.Equal([BuiltInItems.HoldLength, BuiltInItems.NoAbandonedAttempts, BuiltInItems.TransfersLimited], failed);
        Assert.Equal(["reachability"], Consultations.Lowered(result));
    }

    [Theory]
    [InlineData("아 씨발, 마포구청 민원여권과에서 신청하시면 됩니다.")]
    [InlineData("이 병신 같은 질문은 뭐예요. 마포구청 민원여권과에서 신청하시면 됩니다.")]
    public void A_counsellor_who_swears_loses_the_whole_attitude_area(string answer)
    {
        var result = Consultations.Score((Consultations.Clean with { Answer = answer }).Build());
        Assert.Equal(0, result.Scores[QualityArea.Attitude]);
        Assert.Contains(result.Findings, f => f.Item == BuiltInItems.NoProfanity && !f.Passed && f.Turn == 4);
        Assert.Equal(["attitude"], Consultations.Lowered(result));
    }

    [Fact]
    public void A_greeting_split_over_transcript_turns_is_read_whole_and_a_chat_answer_after_it_is_not_greeting()
    {
        var phone = Consultations.Record("split", ConsultationChannel.Phone, 10,
            (Speaker.Counsellor, "네 감사합니다"), (Speaker.Counsellor, "다산콜센터"), (Speaker.Counsellor, "김민지입니다"),
            (Speaker.Citizen, "여권 재발급은 어디서 해요"), (Speaker.Counsellor, "여권 재발급 말씀이시죠 구청 민원여권과에서 하시면 됩니다"),
            (Speaker.Counsellor, "더 궁금하신 점 있으세요"), (Speaker.Citizen, "없어요"), (Speaker.Counsellor, "네 감사합니다 좋은 하루 되세요"));
        var chat = Consultations.Record("typed-first", ConsultationChannel.Chat, 10,
            (Speaker.Citizen, "여권 재발급은 어디서 해요?"), (Speaker.Counsellor, "안녕하세요, 120다산콜센터 상담사 김민지입니다."),
            (Speaker.Counsellor, "여권 재발급은 구청 민원여권과에서 하시면 됩니다."), (Speaker.Counsellor, "혹시 더 필요하신 게 있으실까요?"),
            (Speaker.Citizen, "없어요"), (Speaker.Counsellor, "감사합니다. 좋은 하루 되세요."));

        Assert.True(Consultations.Lowered(Consultations.Score(phone)).Length == 0, Consultations.Explain(Consultations.Score(phone)));
        Assert.True(Consultations.Lowered(Consultations.Score(chat)).Length == 0, Consultations.Explain(Consultations.Score(chat)));
    }

    [Fact]
    public void A_failed_critical_item_zeroes_its_area()
    {
        var result = Consultations.Score((Consultations.Clean with { Answer = "그건 저희 소관 아니에요." }).Build());
        Assert.Equal(0, result.Scores[QualityArea.Handling]);
    }

    [Fact]
    public void The_total_weighs_the_areas_by_the_scorecard()
    {
        var card = ScorecardJson.Default with
        {
            AreaWeights = new Dictionary<string, double> { ["greeting"] = 1, ["attitude"] = 0, ["handling"] = 0, ["reachability"] = 0, ["closing"] = 0 },
        };
        var result = new QualityScorer(card).Score((Consultations.Clean with { Greeting = "네 120입니다." }).Build());
        Assert.Equal(result.Scores[QualityArea.Greeting], result.Total);
    }

    [Fact]
    public void Turns_out_of_order_are_read_in_time_order_and_reported_by_their_input_index()
    {
        var clean = Consultations.Clean.Build();
        var shuffled = clean with { Turns = [.. clean.Turns.Reverse()] };
        var a = Consultations.Score(clean);
        var b = Consultations.Score(shuffled);
        Assert.Equal(a.Scores, b.Scores);
        var last = clean.Turns.Count - 1;
        Assert.Contains(b.Findings, f => f.Item == BuiltInItems.ClosingGreeting && f.Turn == 0);
        Assert.Contains(a.Findings, f => f.Item == BuiltInItems.ClosingGreeting && f.Turn == last);
    }

    [Fact]
    public void Turns_without_offsets_keep_the_input_order()
    {
        var clean = Consultations.Clean.Build();
        var undated = clean with { Turns = [.. clean.Turns.Select(t => t with { OffsetSeconds = double.NaN })] };
        Assert.Equal(Consultations.Score(clean).Scores, Consultations.Score(undated).Scores);
    }

    [Fact]
    public void A_consultation_without_turns_scores_zero_in_the_areas_judged_from_words()
    {
        var result = Consultations.Score(new ConsultationRecord("empty", ConsultationChannel.Chat, []) { QueueSeconds = 10 });
        Assert.Equal(0, result.Scores[QualityArea.Greeting]);
        Assert.Equal(0, result.Scores[QualityArea.Attitude]);
        Assert.Equal(0, result.Scores[QualityArea.Handling]);
        Assert.Equal(0, result.Scores[QualityArea.Closing]);
        Assert.Equal(100, result.Scores[QualityArea.Reachability]);
        Assert.All(result.Findings.Where(f => !f.Passed), f => Assert.Null(f.Turn));
    }

    [Fact]
    public void Turns_by_unknown_speakers_are_left_out()
    {
        var clean = Consultations.Clean.Build();
        var withBot = clean with
        {
            Turns = [new ConsultationTurn(Speaker.Other, "야 빨리 말해 몰라", -30), .. clean.Turns, new ConsultationTurn(Speaker.Other, "ㅋㅋ", 999)],
        };
        Assert.Empty(Consultations.Lowered(Consultations.Score(withBot)));
    }

    [Fact]
    public void Empty_and_whitespace_turns_do_not_break_the_scorer()
    {
        var clean = Consultations.Clean.Build();
        var padded = clean with
        {
            Turns = [.. clean.Turns.SelectMany(t => new[] { t, new ConsultationTurn(t.Speaker, "", t.OffsetSeconds), new ConsultationTurn(Speaker.Citizen, "  \n ", t.OffsetSeconds) })],
        };
        Assert.Empty(Consultations.Lowered(Consultations.Score(padded)));
    }

    [Fact]
    public void A_consultation_of_ten_thousand_turns_is_scored()
    {
        var clean = Consultations.Clean.Build();
        var middle = Enumerable.Range(0, 10_000 - clean.Turns.Count).Select(i => i % 2 == 0
            ? new ConsultationTurn(Speaker.Citizen, "그럼 다른 서류는 뭐가 필요해요?", 100 + i * 5.0)
            : new ConsultationTurn(Speaker.Counsellor, "가족관계증명서가 추가로 필요합니다.", 100 + i * 5.0));
        var end = 100 + 10_000 * 5.0;
        var turns = clean.Turns.Take(5).Concat(middle).Concat(clean.Turns.Skip(5).Select((t, i) => t with { OffsetSeconds = end + i * 5 }));
        var record = clean with { Turns = [.. turns] };

        var result = Consultations.Score(record);

        Assert.Equal(10_000, record.Turns.Count);
        Assert.True(Consultations.Lowered(result).Length == 0, Consultations.Explain(result));
    }

    [Fact]
    public void Long_turns_with_odd_characters_are_scored()
    {
        var noise = string.Concat(Enumerable.Repeat("ㅋ🙂\u0000\uD800 가나다 ", 2_000));
        var record = (Consultations.Clean with { Detail = noise, CheckReply = noise }).Build();
        Assert.Empty(Consultations.Lowered(Consultations.Score(record)));
    }
}
