using Minwon.Core.Quality;

namespace Minwon.Server.Features.Quality;

/// <summary>
/// `minwon qa score`: one consultation per JSON line on standard input, one result line per input line on standard
/// output, in order. A line that cannot be read gives {"id", "error"} on standard output (so line N of the output
/// still answers line N of the input) and "line N: ..." on standard error; the other lines are still scored.
/// Warnings about lines that could still be scored (an unknown speaker, turns out of order) go to standard error.
/// </summary>
public static class ScoreConsultations
{
    public static async Task<int> RunAsync(TextReader input, TextWriter output, TextWriter errors, QualityScorer scorer, CancellationToken cancellationToken)
    {
        var number = 0;
        var failed = 0;
        var warnings = new List<string>();
        while (await input.ReadLineAsync(cancellationToken) is { } line)
        {
            number++;
            warnings.Clear();
            string result;
            try
            {
                var record = QualityWire.Parse(line, warnings);
                result = QualityWire.Format(scorer.Score(record));
                foreach (var warning in warnings)
                {
                    await errors.WriteLineAsync($"line {number} ({record.Id}): {warning}");
                }
            }
            catch (FormatException e)
            {
                failed++;
                await errors.WriteLineAsync($"line {number}: {e.Message}");
                result = QualityWire.FormatError(QualityWire.TryReadId(line), $"line {number}: {e.Message}");
            }

            await output.WriteLineAsync(result);
        }

        await output.FlushAsync(cancellationToken);
        if (failed > 0)
        {
            await errors.WriteLineAsync($"{failed} of {number} line(s) could not be scored");
        }

        return 0;
    }
}
