using Minwon.Core.Quality;

namespace Minwon.Core.Tests.Quality;

public sealed class ScorecardTests
{
    [Fact]
    public void The_shipped_scorecard_is_valid_and_uses_every_built_in_item_once()
    {
        var card = ScorecardJson.Default;
        Assert.Empty(ScorecardJson.Validate(card));
        Assert.Equal(BuiltInItems.Catalogue.Keys.Order(), card.Items.Select(i => i.Id).Order());
        Assert.All(card.Items, i => Assert.Equal(BuiltInItems.Catalogue[i.Id].Area, i.Area));
    }

    [Fact]
    public void A_scorecard_survives_a_round_trip_through_json()
    {
        var card = ScorecardJson.Default with { Version = 7, Name = "시험" };
        var again = ScorecardJson.Parse(ScorecardJson.Write(card));
        Assert.Equal(7, again.Version);
        Assert.Equal(card.Items.Select(i => (i.Id, i.Area, i.Weight, i.Critical, i.Enabled, i.Kind, i.Label)),
            again.Items.Select(i => (i.Id, i.Area, i.Weight, i.Critical, i.Enabled, i.Kind, i.Label)));
        Assert.Equal(card.Phone, again.Phone);
        Assert.Contains("\"area\": \"greeting\"", ScorecardJson.Write(card), StringComparison.Ordinal);
    }

    [Fact]
    public void A_built_in_item_cannot_move_to_another_area()
    {
        var card = ScorecardJson.Default with
        {
            Items = [.. ScorecardJson.Default.Items.Select(i => i.Id == BuiltInItems.ClosingGreeting ? i with { Area = QualityArea.Greeting } : i)],
        };
        Assert.Contains(ScorecardJson.Validate(card), p => p.Contains(BuiltInItems.ClosingGreeting, StringComparison.Ordinal));
        Assert.Throws<ScorecardException>(() => new QualityScorer(card));
    }

    [Theory]
    [InlineData("""{"version":0,"items":[]}""")]
    [InlineData("""{"version":1,"items":[{"id":"made_up","area":"greeting","weight":10}]}""")]
    [InlineData("not json")]
    [InlineData("""{"version":1,"items":[{"id":"Bad Id!","area":"greeting"}]}""")]
    public void Unusable_scorecards_are_refused_with_the_reasons(string json)
    {
        var e = Assert.Throws<ScorecardException>(() => ScorecardJson.Parse(json));
        Assert.NotEmpty(e.Problems);
    }

    [Fact]
    public void Every_area_needs_a_weighted_item_and_weights_must_be_sane()
    {
        var card = ScorecardJson.Default with
        {
            Items = [.. ScorecardJson.Default.Items.Select(i => i.Area == QualityArea.Closing ? i with { Enabled = false } : i with { Weight = i.Id == BuiltInItems.GreetingPhrase ? -1 : i.Weight })],
            Phone = new ChannelSettings { QueueTargetSeconds = 500, QueueLimitSeconds = 100 },
        };
        var problems = ScorecardJson.Validate(card);
        Assert.Contains(problems, p => p.Contains("종료태도", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains(BuiltInItems.GreetingPhrase, StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("전화", StringComparison.Ordinal));
    }

    [Fact]
    public void A_custom_forbidden_phrase_item_fails_where_the_counsellor_says_it()
    {
        var card = ScorecardJson.Default with
        {
            Version = 2,
            Items =
            [
                .. ScorecardJson.Default.Items,
                new ScorecardItem { Id = "no_jargon", Area = QualityArea.Attitude, Kind = ItemKind.Forbidden, Weight = 10, Label = "전문용어 금지", Phrases = ["가상 계좌"] },
                new ScorecardItem { Id = "says_receipt", Area = QualityArea.Handling, Kind = ItemKind.Required, Weight = 10, Critical = true, Phrases = ["접수번호"] },
            ],
        };
        var scorer = new QualityScorer(card);
        var result = scorer.Score((Consultations.Clean with { Answer = "고지서의 가상계좌로 이체하시면 됩니다." }).Build());

        Assert.Contains(result.Findings, f => f.Item == "no_jargon" && !f.Passed && f.Turn == 4 && f.Evidence!.Contains("가상계좌", StringComparison.Ordinal));
        Assert.Contains(result.Findings, f => f.Item == "says_receipt" && !f.Passed);
        Assert.Equal(0, result.Scores[QualityArea.Handling]);
        Assert.Equal(2, result.ScorecardVersion);
    }

    [Fact]
    public void A_disabled_item_is_neither_checked_nor_reported()
    {
        var card = ScorecardJson.Default with
        {
            Items = [.. ScorecardJson.Default.Items.Select(i => i.Id == BuiltInItems.CounsellorNamed ? i with { Enabled = false } : i)],
        };
        var result = new QualityScorer(card).Score((Consultations.Clean with { Greeting = "네 120입니다." }).Build());
        Assert.DoesNotContain(result.Findings, f => f.Item == BuiltInItems.CounsellorNamed);
        Assert.Equal(100, result.Scores[QualityArea.Greeting]);
    }
}
