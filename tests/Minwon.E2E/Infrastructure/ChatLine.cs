namespace Minwon.E2E.Infrastructure;

/// <summary>One rendered line of a chat log: its sequence number, who sent it (citizen, agent, bot, event), its text.</summary>
public sealed record ChatLine(int Seq, string Sender, string Text)
{
    /// <summary>Reads every li[data-seq] under the list, in screen order.</summary>
    public static async Task<List<ChatLine>> ReadAsync(Microsoft.Playwright.IPage page, string listSelector)
    {
        var rows = await page.EvalOnSelectorAllAsync<string[]>($"{listSelector} > li[data-seq]",
            "els => els.map(e => e.dataset.seq + '\\u0001' + e.className.split(' ')[0] + '\\u0001' + e.querySelector('.bubble').textContent)");
        return rows.Select(r => r.Split('\u0001')).Select(p => new ChatLine(int.Parse(p[0]), p[1], p[2])).ToList();
    }
}
