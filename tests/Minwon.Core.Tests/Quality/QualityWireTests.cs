using System.Text.Json;
using Minwon.Core.Quality;

namespace Minwon.Core.Tests.Quality;

/// <summary>The `minwon qa score` line contract, which is checked from outside.</summary>
public sealed class QualityWireTests
{
    private const string Line = """
        {"id":"c-1","channel":"phone","queueSeconds":12.5,"turns":[
        {"speaker":"counsellor","text":"감사합니다 다산콜센터 상담사 김민지입니다","offsetSeconds":0},
        {"speaker":"citizen","text":"여권 재발급은 어디서 해요","offsetSeconds":4.2},
        {"speaker":"counsellor","text":"여권 재발급 말씀이시죠 구청 여권과에서 하시면 됩니다","offsetSeconds":8},
        {"speaker":"counsellor","text":"더 궁금하신 점 있으세요","offsetSeconds":15},
        {"speaker":"citizen","text":"아니요","offsetSeconds":17},
        {"speaker":"counsellor","text":"네 감사합니다 좋은 하루 되세요","offsetSeconds":19}]}
        """;

    [Fact]
    public void Writes_exactly_the_fields_of_the_contract_in_order()
    {
        var output = QualityWire.Format(QualityScorer.Default.Score(QualityWire.Parse(Line.ReplaceLineEndings(""), [])));
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;

        Assert.Equal(["id", "scores", "total", "findings"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("c-1", root.GetProperty("id").GetString());
        Assert.Equal(["greeting", "attitude", "handling", "reachability", "closing"], root.GetProperty("scores").EnumerateObject().Select(p => p.Name));
        Assert.All(root.GetProperty("scores").EnumerateObject(), p => Assert.InRange(p.Value.GetInt32(), 0, 100));
        Assert.Equal(JsonValueKind.Number, root.GetProperty("total").ValueKind);
        foreach (var finding in root.GetProperty("findings").EnumerateArray())
        {
            Assert.Equal(["area", "item", "turn", "passed"], finding.EnumerateObject().Select(p => p.Name));
            Assert.True(QualityAreas.TryParse(finding.GetProperty("area").GetString(), out _));
            Assert.True(finding.GetProperty("turn").ValueKind is JsonValueKind.Number or JsonValueKind.Null);
        }

        Assert.DoesNotContain('\n', output);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"id\": \"x\", ")]
    [InlineData("[1, 2, 3]")]
    [InlineData("\"just a string\"")]
    [InlineData("")]
    public void A_line_that_is_not_a_json_object_is_refused(string line) =>
        Assert.Throws<FormatException>(() => QualityWire.Parse(line, []));

    [Fact]
    public void An_error_line_names_the_id_when_it_can()
    {
        Assert.Equal("x", QualityWire.TryReadId("""{"id":"x","turns":{"not":"a list"}}"""));
        Assert.Null(QualityWire.TryReadId("not json"));
        using var error = JsonDocument.Parse(QualityWire.FormatError(null, "line 3: not JSON"));
        Assert.Equal(JsonValueKind.Null, error.RootElement.GetProperty("id").ValueKind);
        Assert.Equal("line 3: not JSON", error.RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public void Odd_but_readable_lines_are_scored_with_warnings()
    {
        var warnings = new List<string>();
        var record = QualityWire.Parse("""
            {"id":7,"channel":"fax","queueSeconds":"-3","turns":[{"speaker":"bot","text":"안녕하세요"},{"speaker":"AGENT","text":null,"offsetSeconds":"x"},5,
            {"speaker":"citizen","text":"네","offsetSeconds":10},{"speaker":"citizen","text":"네","offsetSeconds":2}],"transfers":-1}
            """.ReplaceLineEndings(""), warnings);

        Assert.Equal("7", record.Id);
        Assert.Equal(ConsultationChannel.Chat, record.Channel);
        Assert.Equal(0, record.QueueSeconds);
        Assert.Equal([Speaker.Other, Speaker.Counsellor, Speaker.Other, Speaker.Citizen, Speaker.Citizen], record.Turns.Select(t => t.Speaker));
        Assert.Null(record.Transfers);
        Assert.Contains(warnings, w => w.Contains("fax", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("out of time order", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("other than counsellor or citizen", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("not an object", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("transfers", StringComparison.Ordinal));
        QualityScorer.Default.Score(record);
    }

    [Fact]
    public void A_line_with_more_turns_than_the_limit_is_refused_rather_than_scored_slowly()
    {
        var turns = string.Join(',', Enumerable.Repeat("""{"speaker":"citizen","text":"네","offsetSeconds":1}""", QualityWire.MaxTurns + 1));
        Assert.Throws<FormatException>(() => QualityWire.Parse($$"""{"id":"big","channel":"chat","queueSeconds":1,"turns":[{{turns}}]}""", []));
    }

    [Fact]
    public void Optional_record_facts_are_read()
    {
        var record = QualityWire.Parse("""
            {"id":"f","channel":"phone","queueSeconds":3,"turns":[],"abandonedAttempts":2,"transfers":1,
             "holds":[{"startSeconds":40,"seconds":75,"announced":true},{"seconds":"n/a"}]}
            """.ReplaceLineEndings(""), []);
        Assert.Equal(2, record.AbandonedAttempts);
        Assert.Equal(1, record.Transfers);
        Assert.Equal([new HoldPeriod(40, 75, true)], record.Holds);
    }
}
