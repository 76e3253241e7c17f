using Minwon.Core.TextSafety;
using Minwon.Server.Features.TextSafety;

namespace Minwon.Server.Tests.TextSafety;

/// <summary>Issue 13: `minwon text train-abuse` and its mapping of BEEP!'s offensive-only lines.</summary>
public sealed class TrainAbuseModelTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("minwon-train-abuse-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [InlineData(TrainAbuseModel.BeepOffensive.Drop, 80, "drop")]
    [InlineData(TrainAbuseModel.BeepOffensive.Abusive, 90, "abusive")]
    [InlineData(TrainAbuseModel.BeepOffensive.None, 90, "none")]
    public async Task Maps_offensive_only_lines_and_writes_a_model_that_loads(TrainAbuseModel.BeepOffensive mapping, int lines, string name)
    {
        var train = Path.Combine(folder, "train.jsonl");
        var rows = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            rows.Add($$"""{"text": "이 뿡뿡이 {{i}}번 같으니", "label": "insult", "group": "public-kmhas", "classes": ["origin"]}""");
            rows.Add($$"""{"text": "오늘 {{i}}번 버스가 늦었어요", "label": "none", "group": "public-kmhas", "classes": []}""");
        }

        for (var i = 0; i < 10; i++)
        {
            rows.Add($$"""{"text": "그래봤자 {{i}}등 밑이지", "label": "insult", "group": "public-beep", "classes": ["offensive"]}""");
        }

        await File.WriteAllLinesAsync(train, rows, TestContext.Current.CancellationToken);
        var calibrate = Path.Combine(folder, "calibrate.jsonl");
        await File.WriteAllLinesAsync(calibrate,
        [
            """{"text": "저 뿡뿡이 같으니", "label": "insult", "group": "public-kmhas", "classes": ["origin"]}""",
            """{"text": "버스가 늦었어요", "label": "none", "group": "public-kmhas", "classes": []}""",
            """{"text": "버스가 너무 늦어서 화나요", "label": "none", "group": "angry"}""",
            """{"text": "그래봤자 밑이지", "label": "insult", "group": "public-beep", "classes": ["offensive"]}""",
        ], TestContext.Current.CancellationToken);
        var model = Path.Combine(folder, "model.bin");
        var output = new StringWriter();
        var errors = new StringWriter();

        var code = await TrainAbuseModel.RunAsync(
            new TrainAbuseModel.Settings([train], [], [calibrate], model, 0.01, 3, 14, 0.05, 1e-7, mapping),
            output, errors, TestContext.Current.CancellationToken);

        Assert.Equal(0, code);
        Assert.Empty(errors.ToString());
        Assert.Contains($"trained on {lines} lines", output.ToString(), StringComparison.Ordinal);
        Assert.Contains($"calibrated on {(mapping == TrainAbuseModel.BeepOffensive.Drop ? 3 : 4)} lines (1 angry complaints)", output.ToString(), StringComparison.Ordinal);
        await using var stream = File.OpenRead(model);
        var loaded = AbuseModel.Read(stream);
        Assert.Contains($"BEEP! offensive: {name}", loaded.Description, StringComparison.Ordinal);
        Assert.Contains("CC BY-SA 4.0", loaded.Description, StringComparison.Ordinal);
        Assert.True(new AbuseDetector(new TextSafetyOptions(), loaded).Classify("저 뿡뿡이 같으니").IsAbusive);
    }

    [Fact]
    public async Task Trains_the_stacked_model_and_text_eval_scores_a_given_model_file()
    {
        // Issue 13, session 7: `text train-abuse --stack` writes a version-3 model; `text eval --model FILE` scores with it.
        var train = Path.Combine(folder, "train.jsonl");
        var rows = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            rows.Add($$"""{"text": "이 뿡뿡이 {{i}}번 같으니", "label": "insult", "group": "public-kmhas", "classes": ["origin"]}""");
            rows.Add($$"""{"text": "오늘 {{i}}번 버스가 늦었어요", "label": "none", "group": "public-kmhas", "classes": []}""");
        }

        await File.WriteAllLinesAsync(train, rows, TestContext.Current.CancellationToken);
        var calibrate = Path.Combine(folder, "abuse-calibrate.jsonl");
        await File.WriteAllLinesAsync(calibrate,
        [
            """{"text": "저 뿡뿡이 같으니", "label": "insult", "group": "public-kmhas", "classes": ["origin"]}""",
            """{"text": "버스가 늦었어요", "label": "none", "group": "public-kmhas", "classes": []}""",
            """{"text": "버스가 너무 늦어서 화나요", "label": "none", "group": "angry"}""",
        ], TestContext.Current.CancellationToken);
        var model = Path.Combine(folder, "stack.bin");
        var output = new StringWriter();
        var code = await TrainAbuseModel.RunAsync(
            new TrainAbuseModel.Settings([train], [], [calibrate], model, 0.01, 3, 14, 0.05, 1e-7, Stack: true, Folds: 3),
            output, new StringWriter(), TestContext.Current.CancellationToken);
        Assert.Equal(0, code);
        Assert.Contains("stack: fold 3/3 done", output.ToString(), StringComparison.Ordinal);
        await using (var stream = File.OpenRead(model))
        {
            var loaded = AbuseModel.Read(stream);
            Assert.StartsWith("stack of 4 logistic regressions", loaded.Description, StringComparison.Ordinal);
        }

        var report = new StringWriter();
        var evalCode = await EvaluateTextSafety.RunAsync([calibrate], showErrors: false, gate: false, report, new StringWriter(), model, TestContext.Current.CancellationToken);
        Assert.Equal(0, evalCode);
        Assert.Contains("lines 3; abusive vs not: precision 1.000 recall 1.000 F1 1.000", report.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("drop", true)]
    [InlineData("Abusive", true)]
    [InlineData("none", true)]
    [InlineData("maybe", false)]
    [InlineData("7", false)]
    public void Parses_the_mapping_names_only(string value, bool valid) =>
        Assert.Equal(valid, TrainAbuseModel.TryParseBeepOffensive(value, out _));
}
