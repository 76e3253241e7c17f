using System.Text.Json;
using Minwon.Core.TextSafety;

namespace Minwon.Server.Features.TextSafety;

/// <summary>`minwon text abuse`: each input line out as {"text","label","score"}.</summary>
public static class ClassifyAbuse
{
    public static async Task<int> RunAsync(TextReader input, TextWriter output, TextWriter errors, AbuseDetector detector, CancellationToken cancellationToken)
    {
        var number = 0;
        while (await input.ReadLineAsync(cancellationToken) is { } line)
        {
            number++;
            string result;
            try
            {
                var verdict = detector.Classify(line);
                result = JsonSerializer.Serialize(new TextSafetyJson.AbuseLine(line, verdict.Label.WireName(), verdict.Score), TextSafetyJson.Options);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or JsonException)
            {
                await errors.WriteLineAsync($"line {number}: {e.GetType().Name}: skipped");
                continue;
            }

            await output.WriteLineAsync(result);
        }

        await output.FlushAsync(cancellationToken);
        return 0;
    }
}
