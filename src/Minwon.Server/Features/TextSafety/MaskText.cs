using System.Text.Json;
using Minwon.Core.TextSafety;

namespace Minwon.Server.Features.TextSafety;

/// <summary>`minwon text mask [--json]`: each input line out masked, or as {"text","masked","spans"}.</summary>
public static class MaskText
{
    public static async Task<int> RunAsync(TextReader input, TextWriter output, TextWriter errors, bool json, PiiMasker masker, CancellationToken cancellationToken)
    {
        var number = 0;
        while (await input.ReadLineAsync(cancellationToken) is { } line)
        {
            number++;
            string result;
            try
            {
                var masked = masker.Mask(line);
                result = json
                    ? JsonSerializer.Serialize(
                        new TextSafetyJson.MaskLine(line, masked.Masked, [.. masked.Spans.Select(s => new TextSafetyJson.SpanLine(s.Start, s.End, s.Kind.WireName()))]),
                        TextSafetyJson.Options)
                    : masked.Masked;
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
