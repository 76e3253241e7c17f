using System.CommandLine;
using Minwon.Core.IssueAlerting;

namespace Minwon.Server.Features.IssueAlerting;

/// <summary>`minwon issues replay|eval` and `minwon demo generate` (issue 6, the issue alerter).</summary>
public static class IssueAlertingCli
{
    public static Command Create()
    {
        var issues = new Command("issues", "Issue alerter: replay event streams through the detector, evaluate it on generated streams.");
        issues.Subcommands.Add(CreateReplayCommand());
        issues.Subcommands.Add(CreateEvalCommand());
        issues.Subcommands.Add(CreateScoreCommand());
        return issues;
    }

    /// <summary>`minwon demo generate --days N`: realistic traffic with injected incidents.</summary>
    public static Command CreateGenerateCommand()
    {
        var days = new Option<int>("--days") { Description = "Days of traffic", DefaultValueFactory = _ => 14 };
        var seed = new Option<int>("--seed") { Description = "Random seed (same seed, same stream)", DefaultValueFactory = _ => 1 };
        var perDay = new Option<int>("--per-day") { Description = "Average contacts per day (Seoul 120: about 20,000)", DefaultValueFactory = _ => 20_000 };
        var incidents = new Option<int?>("--incidents") { Description = "Incidents to inject (default: one every two days)" };
        var start = new Option<string?>("--start") { Description = "First day, ISO 8601 (default 2026-03-02T00:00:00+09:00, a Monday)" };
        var output = new Option<string?>("--out") { Description = "Write the contacts here instead of stdout" };
        var truth = new Option<string?>("--truth") { Description = "Write the incidents' ground truth here (JSON lines)" };
        var generate = new Command("generate", "Generate realistic weeks of contacts with injected incidents (JSON lines).")
        {
            days, seed, perDay, incidents, start, output, truth,
        };
        generate.SetAction(async (parse, ct) =>
        {
            var options = new TrafficGeneratorOptions
            {
                Days = Math.Max(1, parse.GetValue(days)),
                Seed = parse.GetValue(seed),
                PerDay = Math.Max(1, parse.GetValue(perDay)),
                Incidents = Math.Max(0, parse.GetValue(incidents) ?? Math.Max(1, parse.GetValue(days) / 2)),
            };
            if (parse.GetValue(start) is { } first)
            {
                if (!IssueJson.TryParseTime(first, out var time))
                {
                    await Console.Error.WriteLineAsync($"--start: '{first}' is not an ISO 8601 time");
                    return 2;
                }

                options = options with { Start = time };
            }

            return await GenerateTraffic.RunAsync(options, parse.GetValue(output), parse.GetValue(truth), Console.Out, ct);
        });
        return generate;
    }

    private static Command CreateReplayCommand()
    {
        var file = new Argument<string>("FILE") { Description = "Events as JSON lines {\"time\",\"text\",\"category\",\"district\",\"channel\"}; - for stdin" };
        var inFileOrder = new Option<bool>("--in-file-order") { Description = "Feed events as they come instead of sorting by time, like a live stream: events later than the tolerance are skipped" };
        var replay = new Command("replay", "Replay events in time order and write alerts as JSON lines {\"detectedAt\",\"terms\",\"category\",\"district\",\"count\",\"baseline\",\"score\"}.")
        {
            file, inFileOrder,
        };
        replay.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (path != "-" && !File.Exists(path))
            {
                await Console.Error.WriteLineAsync($"{path}: no such file");
                return 2;
            }

            return await ReplayIssues.RunAsync(path, parse.GetValue(inFileOrder), Console.Out, Console.Error, ct);
        });
        return replay;
    }

    private static Command CreateEvalCommand()
    {
        var days = new Option<int>("--days") { Description = "Days per generated stream", DefaultValueFactory = _ => 14 };
        var seeds = new Option<int>("--seeds") { Description = "Streams (seeds 1..N)", DefaultValueFactory = _ => 5 };
        var perDay = new Option<int>("--per-day") { Description = "Average contacts per day", DefaultValueFactory = _ => 20_000 };
        var incidents = new Option<int>("--incidents") { Description = "Incidents per stream", DefaultValueFactory = _ => 8 };
        var firstSeed = new Option<int>("--first-seed") { Description = "Seed of the first stream", DefaultValueFactory = _ => 1 };
        var eval = new Command("eval", "Measure recall, false alerts per 14 days and median delay on generated streams.")
        {
            days, seeds, perDay, incidents, firstSeed,
        };
        eval.SetAction((parse, ct) => EvaluateIssues.RunAsync(
            Math.Max(1, parse.GetValue(days)), Math.Max(1, parse.GetValue(seeds)), Math.Max(1, parse.GetValue(perDay)), Math.Max(0, parse.GetValue(incidents)), Console.Out, ct, parse.GetValue(firstSeed)));
        return eval;
    }

    private static Command CreateScoreCommand()
    {
        var alerts = new Argument<string>("ALERTS") { Description = "Alerts written by `issues replay`" };
        var truth = new Argument<string>("TRUTH") { Description = "Ground truth written by `demo generate --truth`" };
        var days = new Option<double>("--days") { Description = "Length of the stream in days (for false alerts per 14 days)", DefaultValueFactory = _ => 14 };
        var score = new Command("score", "Score replayed alerts against generated incidents: recall, false alerts, median delay.")
        {
            alerts, truth, days,
        };
        score.SetAction(async (parse, ct) =>
        {
            var alertsPath = parse.GetValue(alerts)!;
            var truthPath = parse.GetValue(truth)!;
            foreach (var path in new[] { alertsPath, truthPath }.Where(p => !File.Exists(p)))
            {
                await Console.Error.WriteLineAsync($"{path}: no such file");
                return 2;
            }

            return await ScoreIssues.RunAsync(alertsPath, truthPath, Math.Max(parse.GetValue(days), 1e-3), Console.Out, Console.Error, ct);
        });
        return score;
    }
}
