using Minwon.Core.IssueAlerting;

namespace Minwon.Server.Features.IssueAlerting;

/// <summary>`minwon demo generate`: writes generated contacts as JSON lines and, optionally, the incidents' ground truth.</summary>
public static class GenerateTraffic
{
    public static async Task<int> RunAsync(TrafficGeneratorOptions options, string? outPath, string? truthPath, TextWriter stdout, CancellationToken cancellationToken)
    {
        var generator = new TrafficGenerator(options);
        await using (var output = outPath is null ? null : new StreamWriter(outPath, false, new System.Text.UTF8Encoding(false)))
        {
            var writer = output ?? stdout;
            foreach (var contact in generator.Generate())
            {
                cancellationToken.ThrowIfCancellationRequested();
                await writer.WriteLineAsync(IssueJson.Write(contact));
            }

            await writer.FlushAsync(cancellationToken);
        }

        if (truthPath is not null)
        {
            await File.WriteAllLinesAsync(truthPath, generator.Incidents.Select(IssueJson.Write), new System.Text.UTF8Encoding(false), cancellationToken);
        }

        return 0;
    }
}
