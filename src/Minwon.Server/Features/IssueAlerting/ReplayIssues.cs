using Minwon.Core.IssueAlerting;

namespace Minwon.Server.Features.IssueAlerting;

/// <summary>
/// `minwon issues replay FILE.jsonl`: feeds contact events through <see cref="IssueDetector"/> in time order and
/// writes one alert per line. Bad lines, duplicates and (with --in-file-order) late events are reported on stderr with
/// their line number and skipped.
/// </summary>
public static class ReplayIssues
{
    public static async Task<int> RunAsync(string path, bool inFileOrder, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        var events = new List<(int Line, ContactEvent Event)>();
        using (var reader = path == "-" ? new StreamReader(Console.OpenStandardInput(), System.Text.Encoding.UTF8) : new StreamReader(path, System.Text.Encoding.UTF8))
        {
            var number = 0;
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                number++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                if (IssueJson.ParseEvent(line, out var error) is { } contact)
                {
                    events.Add((number, contact));
                }
                else
                {
                    await errors.WriteLineAsync($"line {number}: {error}; skipped");
                }
            }
        }

        // OrderBy is stable, so events with the same time keep their file order.
        var ordered = inFileOrder ? events : [.. events.OrderBy(e => e.Event.Time.UtcTicks)];
        var detector = new IssueDetector();
        foreach (var (line, contact) in ordered)
        {
            foreach (var alert in detector.Observe(contact))
            {
                await output.WriteLineAsync(IssueJson.Write(alert));
            }

            if (detector.LastOutcome != ObserveOutcome.Accepted)
            {
                var reason = detector.LastOutcome == ObserveOutcome.Duplicate ? "duplicate event" : "event older than the lateness tolerance";
                await errors.WriteLineAsync($"line {line}: {reason}; skipped");
            }
        }

        await output.FlushAsync(cancellationToken);
        return 0;
    }
}
