using System.Text.Json;
using Minwon.Core.Quality;
using Minwon.Server.Features.Quality;

namespace Minwon.Server.Tests.Quality;

/// <summary>`minwon qa score`: one output line per input line, in order, whatever the input holds.</summary>
public sealed class ScoreCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Bad_lines_are_reported_by_number_and_the_others_still_scored_in_order()
    {
        string[] input =
        [
            """{"id":"a","channel":"chat","queueSeconds":5,"turns":[{"speaker":"counsellor","text":"안녕하세요, 120다산콜센터 상담사 김하늘입니다.","offsetSeconds":0}]}""",
            "this is not json",
            "",
            """{"id":"d","channel":"phone","queueSeconds":500,"turns":[]}""",
            """{"id":"e","turns":{"speaker":"citizen"}}""",
            """[{"id":"f"}]""",
            """{"id":"g","channel":"chat","queueSeconds":5,"turns":[{"speaker":"robot","text":"안내 방송","offsetSeconds":3},{"speaker":"citizen","text":"네","offsetSeconds":1}]}""",
        ];
        var output = new StringWriter();
        var errors = new StringWriter();

        var exit = await ScoreConsultations.RunAsync(new StringReader(string.Join('\n', input)), output, errors, QualityScorer.Default, Ct);

        Assert.Equal(0, exit);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(input.Length, lines.Length);
        var parsed = lines.Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal("a", parsed[0].GetProperty("id").GetString());
        Assert.True(parsed[0].TryGetProperty("scores", out _));
        Assert.Contains("line 2", parsed[1].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, parsed[1].GetProperty("id").ValueKind);
        Assert.Contains("line 3", parsed[2].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, parsed[3].GetProperty("scores").GetProperty("reachability").GetInt32());
        Assert.Equal("e", parsed[4].GetProperty("id").GetString());
        Assert.True(parsed[4].TryGetProperty("scores", out _), "a line without a turns list is scored as a consultation without turns");
        Assert.Contains("line 6", parsed[5].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("g", parsed[6].GetProperty("id").GetString());

        var stderr = errors.ToString();
        Assert.Contains("line 2:", stderr, StringComparison.Ordinal);
        Assert.Contains("line 3:", stderr, StringComparison.Ordinal);
        Assert.Contains("line 6:", stderr, StringComparison.Ordinal);
        Assert.Contains("line 7 (g):", stderr, StringComparison.Ordinal);
        Assert.Contains("out of time order", stderr, StringComparison.Ordinal);
        Assert.Contains("3 of 7 line(s) could not be scored", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scores_and_findings_are_the_same_as_the_scorer_gives()
    {
        var line = File.ReadLines(Path.Combine(EvalFolder(), "holdout.jsonl")).First();
        var output = new StringWriter();

        await ScoreConsultations.RunAsync(new StringReader(line), output, TextWriter.Null, QualityScorer.Default, Ct);

        var expected = QualityWire.Format(QualityScorer.Default.Score(QualityWire.Parse(line, [])));
        Assert.Equal(expected, output.ToString().TrimEnd('\n', '\r'));
    }

    private static string EvalFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "eval", "quality");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("eval/quality not found above " + AppContext.BaseDirectory);
    }
}
