using System.Text.Json;
using Minwon.Core.IssueAlerting;
using Minwon.Server.Platform.Events;
using Minwon.Server.Tests.Testing;

namespace Minwon.Server.Tests.IssueAlerting;

/// <summary>
/// The issue detector counts each conversation's first citizen line once and nothing after it. Session 11 finds those
/// lines with one query per batch instead of one per citizen message; the detector's saved state (its recent texts)
/// shows what it observed.
/// </summary>
public sealed class IssueDetectorFirstLineTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_detector_observes_each_conversations_first_citizen_line_and_no_later_one()
    {
        await using var app = await MinwonApp.StartAsync(Db.Sqlite, fakeClock: false);
        string[] firsts = ["가로등이 꺼졌어요 첫째", "도로에 물이 넘쳐요 첫째", "버스가 안 와요 첫째"];
        foreach (var first in firsts)
        {
            using var citizen = app.CitizenClient();
            var chat = await app.StartChatAsync(http: citizen, name: "시민");
            await citizen.SayAsync(chat.Token, first);
            await citizen.SayAsync(chat.Token, first.Replace("첫째", "둘째", StringComparison.Ordinal));
        }

        var last = (await app.RowsAsync<EventLogEntry>()).Max(e => e.Id);
        IReadOnlyList<string> seen = [];
        for (var wait = 0; ; wait++)
        {
            var cursor = (await app.RowsAsync<EventCursor>(q => q.Where(c => c.Name == "issues"))).SingleOrDefault();
            if (cursor is { State: { } state } && cursor.Position >= last)
            {
                seen = [.. JsonSerializer.Deserialize<IssueDetectorState>(state)!.Recent.Select(r => r.Text)];
                break;
            }

            Assert.True(wait < 600, "the issue detector did not save its state past the last event within 60 s");
            await Task.Delay(100, Ct);
        }

        Assert.All(firsts, f => Assert.Contains(f, seen));
        Assert.DoesNotContain(seen, t => t.Contains("둘째", StringComparison.Ordinal));
    }
}
