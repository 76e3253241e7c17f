using System.Text.Json;
using Minwon.Core.IssueAlerting;
using Minwon.Server.Features.IssueAlerting;

namespace Minwon.Server.Tests.IssueAlerting;

public sealed class ReplayIssuesTests : IDisposable
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 0, 0, 0, TimeSpan.FromHours(9));
    private readonly string path = Path.Combine(Path.GetTempPath(), $"minwon-issues-{Guid.NewGuid():N}.jsonl");

    public void Dispose() => File.Delete(path);

    [Fact]
    public async Task Writes_nothing_for_an_empty_file()
    {
        await File.WriteAllTextAsync(path, "", TestContext.Current.CancellationToken);
        var (code, output, errors) = await ReplayAsync();
        Assert.Equal(0, code);
        Assert.Equal("", output);
        Assert.Equal("", errors);
    }

    [Fact]
    public async Task Reports_malformed_lines_with_their_number_and_goes_on()
    {
        string[] lines =
        [
            """{"time":"2026-03-02T08:15:00+09:00","text":"여권 발급 문의","category":"여권","district":"마포구","channel":"phone"}""",
            "this is not json",
            """{"text":"시간이 없어요"}""",
            """{"time":"어제 아침","text":"시간이 이상해요"}""",
            """{"time":"2026-03-02T08:16:00+09:00","text":42}""",
            "[1,2,3]",
            """{"time":"2026-03-02T08:17:00+09:00","text":"재산세 문의","district":"모르는구","category":null}""",
        ];
        await File.WriteAllLinesAsync(path, lines, TestContext.Current.CancellationToken);

        var (code, output, errors) = await ReplayAsync();

        Assert.Equal(0, code);
        Assert.Equal("", output);
        foreach (var number in new[] { 2, 3, 4, 5, 6 })
        {
            Assert.Contains($"line {number}:", errors);
        }

        Assert.DoesNotContain("line 1:", errors);
        Assert.DoesNotContain("line 7:", errors);
    }

    [Fact]
    public async Task Reports_duplicate_events_and_in_file_order_late_ones()
    {
        string[] lines =
        [
            """{"time":"2026-03-02T12:00:00+09:00","text":"단수됐어요","district":"마포구","channel":"chat"}""",
            """{"time":"2026-03-02T12:00:00+09:00","text":"단수됐어요","district":"마포구","channel":"chat"}""",
            """{"time":"2026-03-02T09:00:00+09:00","text":"아침 문의","district":"마포구","channel":"chat"}""",
        ];
        await File.WriteAllLinesAsync(path, lines, TestContext.Current.CancellationToken);

        var (_, _, sorted) = await ReplayAsync();
        Assert.Contains("line 2: duplicate", sorted);
        Assert.DoesNotContain("line 3:", sorted);

        var (_, _, live) = await ReplayAsync(inFileOrder: true);
        Assert.Contains("line 3: event older", live);
    }

    [Fact]
    public async Task Writes_alerts_in_the_contract_shape_with_the_input_offset()
    {
        var generator = new TrafficGenerator(new TrafficGeneratorOptions { Days = 3, PerDay = 6000, Incidents = 0, Seed = 4 });
        var outage = Enumerable.Range(0, 30).Select(i => new ContactEvent(
            Monday.AddDays(2).AddHours(14).AddMinutes(i * 1.5), i % 2 == 0 ? "망원동에물이안나와요" : "망원동 단수됐어요 언제 풀려요", "생활하수도 불편", "마포구", "phone"));
        var lines = generator.Generate().Concat(outage).OrderBy(e => e.Time).Select(IssueJson.Write);
        await File.WriteAllLinesAsync(path, lines, TestContext.Current.CancellationToken);

        var (code, output, _) = await ReplayAsync();

        Assert.Equal(0, code);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var alert = JsonDocument.Parse(line);
        var names = alert.RootElement.EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal(["detectedAt", "terms", "category", "district", "count", "baseline", "score"], names);
        Assert.EndsWith("+09:00", alert.RootElement.GetProperty("detectedAt").GetString());
        Assert.Equal("마포구", alert.RootElement.GetProperty("district").GetString());
        Assert.Contains("망원", line);
    }

    [Theory]
    [InlineData("2026-03-02T08:15:00+09:00", 8, 9)]
    [InlineData("2026-03-01T23:15:00Z", 23, 0)]
    [InlineData("2026-03-02T08:15:00", 8, 9)]
    public void Reads_times_with_or_without_an_offset(string text, int hour, int offsetHours)
    {
        Assert.True(IssueJson.TryParseTime(text, out var time));
        Assert.Equal(hour, time.Hour);
        Assert.Equal(TimeSpan.FromHours(offsetHours), time.Offset);
    }

    private async Task<(int Code, string Output, string Errors)> ReplayAsync(bool inFileOrder = false)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var code = await ReplayIssues.RunAsync(path, inFileOrder, output, errors, TestContext.Current.CancellationToken);
        return (code, output.ToString(), errors.ToString());
    }
}
