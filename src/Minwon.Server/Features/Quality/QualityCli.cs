using System.CommandLine;
using System.Text;
using Minwon.Core.Quality;

namespace Minwon.Server.Features.Quality;

/// <summary>`minwon qa score` and `minwon qa eval` (issue 14). Neither needs the database: the scorer is pure.</summary>
public static class QualityCli
{
    public static Command Create()
    {
        var qa = new Command("qa", "Service quality (KSQI): score consultations, evaluate the scorer.");
        qa.Subcommands.Add(CreateScore());
        qa.Subcommands.Add(CreateEval());
        return qa;
    }

    private static Option<string?> ScorecardOption() =>
        new("--scorecard") { Description = "Scorecard JSON file (default: the shipped KSQI scorecard)" };

    private static Command CreateScore()
    {
        var scorecard = ScorecardOption();
        var score = new Command("score", "Read consultations as JSON lines from standard input and write one score line for each, in order.") { scorecard };
        score.SetAction(async (parse, ct) =>
        {
            if (await LoadScorerAsync(parse.GetValue(scorecard), ct) is not { } scorer)
            {
                return 2;
            }

            var input = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false), false, 1 << 16);
            var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16);
            await using (output)
            {
                return await ScoreConsultations.RunAsync(input, output, Console.Error, scorer, ct);
            }
        });
        return score;
    }

    private static Command CreateEval()
    {
        var set = new Option<string[]>("--set") { Description = "Labelled set folders or JSONL files (default eval/quality)", AllowMultipleArgumentsPerToken = true };
        var errors = new Option<bool>("--errors") { Description = "Also list every missed defect and every area lowered without one" };
        var gate = new Option<bool>("--gate") { Description = "Exit with 1 when a quality floor is missed" };
        var scorecard = ScorecardOption();
        var eval = new Command("eval", "Print per area how well the scorer separates defective from clean consultations, and the collateral.")
        {
            set, errors, gate, scorecard,
        };
        eval.SetAction(async (parse, ct) =>
        {
            if (await LoadScorerAsync(parse.GetValue(scorecard), ct) is not { } scorer)
            {
                return 2;
            }

            var paths = parse.GetValue(set) is { Length: > 0 } given ? given : [Path.Combine("eval", "quality")];
            var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false));
            await using (output)
            {
                return await EvaluateQuality.RunAsync(paths, parse.GetValue(errors), parse.GetValue(gate), scorer, output, Console.Error, ct);
            }
        });
        return eval;
    }

    private static async Task<QualityScorer?> LoadScorerAsync(string? path, CancellationToken cancellationToken)
    {
        if (path is null)
        {
            return QualityScorer.Default;
        }

        try
        {
            return new QualityScorer(ScorecardJson.Parse(await File.ReadAllTextAsync(path, cancellationToken)));
        }
        catch (Exception e) when (e is ScorecardException or IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"qa: scorecard {path}: {e.Message}");
            return null;
        }
    }
}
