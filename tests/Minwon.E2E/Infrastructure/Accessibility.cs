using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Minwon.E2E.Infrastructure;

/// <summary>axe-core (Deque.AxeCore.Playwright, the engine bundled in the package; nothing is fetched) on a page as it is now.</summary>
public static class Accessibility
{
    /// <summary>Fails with every serious or critical finding, naming the rule, the state and the elements.</summary>
    public static async Task AssertNoSeriousFindingsAsync(IPage page, string state)
    {
        var results = await page.RunAxe();
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"{state}: " + string.Join("\n", serious.Select(v =>
            $"{v.Impact} {v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))}")));
    }
}
