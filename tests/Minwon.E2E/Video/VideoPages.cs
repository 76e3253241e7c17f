using System.Diagnostics;
using System.Text.Json;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Minwon.E2E.Video;

/// <summary>What the sign-language video tests read from the two pages: received-video counters, pixels, axe findings.</summary>
internal static class VideoPages
{
    public const string CitizenStats = "() => MinwonVideo.stats()";
    public const string DeskStats = "() => minwonVideoDesk.stats()";
    public const string CitizenBrightness = "() => MinwonVideo.brightness()";
    public const string DeskBrightness = "() => minwonVideoDesk.brightness()";

    public sealed record Stats(double FramesDecoded, string? LocalCandidateType, string? RemoteCandidateType);

    public static async Task<Stats> StatsAsync(IPage page, string expression)
    {
        var json = await page.EvaluateAsync<JsonElement?>(expression);
        if (json is not { ValueKind: JsonValueKind.Object } s)
        {
            return new Stats(0, null, null);
        }

        return new Stats(s.GetProperty("framesDecoded").GetDouble(), Text(s, "localCandidateType"), Text(s, "remoteCandidateType"));
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>
    /// Waits (90 s at most: a loaded machine decodes slowly, never a weaker check) until the page's received video
    /// has decoded frames, the counter keeps rising by at least 15 more frames, and the shown frame is not black.
    /// </summary>
    public static async Task<Stats> FramesFlowAsync(IPage page, string stats, string brightness, string what)
    {
        var watch = Stopwatch.StartNew();
        double? first = null;
        double light = -1;
        Stats now = new(0, null, null);
        while (watch.Elapsed < TimeSpan.FromSeconds(90))
        {
            now = await StatsAsync(page, stats);
            light = await page.EvaluateAsync<double>(brightness);
            if (now.FramesDecoded > 0)
            {
                first ??= now.FramesDecoded;
                if (now.FramesDecoded >= first + 15 && light > 20)
                {
                    return now;
                }
            }

            await Task.Delay(250, TestContext.Current.CancellationToken);
        }

        Assert.Fail($"{what}: frames decoded {now.FramesDecoded} (first seen {first?.ToString() ?? "none"}), mean brightness {light:F1} (black is 0)");
        return now;
    }

    /// <summary>axe-core on the page as it is now: no serious or critical finding (KWCAG 2.2 / WCAG 2.1 AA, issue 16 item 3).</summary>
    public static async Task NoSeriousAxeFindingsAsync(IPage page, string state)
    {
        var result = await page.RunAxe();
        var bad = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))}").ToList();
        Assert.True(bad.Count == 0, $"axe findings on the video page ({state}):\n" + string.Join("\n", bad));
    }
}
