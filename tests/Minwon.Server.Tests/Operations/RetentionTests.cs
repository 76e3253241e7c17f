using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minwon.Core.Conversations;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Features.Operations;
using Minwon.Server.Features.TextSafety;
using Minwon.Server.Features.VisualArs;
using Minwon.Server.Tests.Testing;

namespace Minwon.Server.Tests.Operations;

/// <summary>Retention per kind: dry run counts, a real run purges only finished and old data and writes each purge to the access log.</summary>
public sealed class RetentionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Old_messages_of_closed_conversations_and_old_uploads_go_open_ones_stay_and_each_purge_is_in_the_access_log(Db db)
    {
        await using var app = await MinwonApp.StartAsync(db, new Dictionary<string, string?>
        {
            ["Minwon:Retention:Enabled"] = "false",
            ["Minwon:Retention:MessagesDays"] = "30",
            ["Minwon:Retention:UploadsDays"] = "10",
        });
        var counsellor = await app.CounsellorAsync();
        var closed = await app.ServedChatAsync(counsellor);
        using var citizen = app.CitizenClient();
        await citizen.SayAsync(closed.Token, "오래된 민원 내용입니다");
        await counsellor.CloseAsync(closed.ConversationId, null, null, "처리 완료");
        var open = await app.StartChatAsync(http: citizen);
        await citizen.SayAsync(open.Token, "아직 기다리는 중입니다");

        var uploads = Path.Combine(app.DataDir, "uploads");
        Directory.CreateDirectory(uploads);
        await File.WriteAllBytesAsync(Path.Combine(uploads, "old.jpg"), [1, 2, 3], Ct);
        await app.DbAsync(d =>
        {
            d.Add(new ArsUpload { StoredName = "old.jpg", ContentType = "image/jpeg", Length = 3, CreatedAt = app.Clock!.GetUtcNow() });
            return d.SaveChangesAsync(Ct);
        });

        app.Clock!.Advance(TimeSpan.FromDays(31));
        var closedCount = (await app.RowsAsync<Message>(q => q.Where(m => m.ConversationId == closed.ConversationId))).Count;
        var logBefore = (await app.RowsAsync<AccessLogEntry>()).Count;

        var dry = await RunAsync(app, dryRun: true);
        Assert.Equal(closedCount, dry.Single(r => r.Kind == "messages").Count);
        Assert.Equal(1, dry.Single(r => r.Kind == "uploads").Count);
        Assert.Equal(0, dry.Single(r => r.Kind == "transcripts").Count);
        Assert.Equal(closedCount, (await app.RowsAsync<Message>(q => q.Where(m => m.ConversationId == closed.ConversationId))).Count);
        Assert.True(File.Exists(Path.Combine(uploads, "old.jpg")));
        Assert.Equal(logBefore, (await app.RowsAsync<AccessLogEntry>()).Count);

        var done = await RunAsync(app, dryRun: false);
        Assert.Equal(closedCount, done.Single(r => r.Kind == "messages").Count);
        Assert.Empty(await app.RowsAsync<Message>(q => q.Where(m => m.ConversationId == closed.ConversationId)));
        Assert.Contains(await app.RowsAsync<Message>(q => q.Where(m => m.ConversationId == open.ConversationId)), m => m.Sender == MessageSender.Citizen);
        Assert.False(File.Exists(Path.Combine(uploads, "old.jpg")));
        Assert.Empty(await app.RowsAsync<ArsUpload>());
        Assert.Single(await app.RowsAsync<Conversation>(q => q.Where(c => c.Id == closed.ConversationId)));

        var purges = (await app.RowsAsync<AccessLogEntry>(q => q.Where(e => e.ActorId == RunRetention.Actor))).OrderBy(e => e.Sequence).ToList();
        Assert.Equal(["retention:messages", "retention:uploads"], purges.Select(e => e.Record));
        Assert.All(purges, e => Assert.Equal("purge", e.Action));
        Assert.StartsWith($"{closedCount} older than 30 days", purges[0].Reason, StringComparison.Ordinal);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<AccessLog>().VerifyAsync(Ct)).Intact);
        }

        // Nothing left to purge: a second run removes nothing and logs nothing.
        Assert.All(await RunAsync(app, dryRun: false), r => Assert.Equal(0, r.Count));
        Assert.Equal(2, (await app.RowsAsync<AccessLogEntry>(q => q.Where(e => e.ActorId == RunRetention.Actor))).Count);
    }

    [Fact]
    public async Task The_command_shows_each_kind_with_its_limit_on_a_dry_run()
    {
        var dataDir = Directory.CreateTempSubdirectory("minwon-retention-cli-").FullName;
        try
        {
            var result = await Cli.RunAsync(["retention", "run", "--dry-run", "--data-dir", dataDir]);
            Assert.True(result.ExitCode == 0, result.ToString());
            var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(["messages", "transcripts", "recordings", "video-recordings", "uploads", "access-log"],
                lines.Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("kind").GetString()));
            Assert.Contains("\"days\":365", lines[2], StringComparison.Ordinal);
            Assert.Contains("\"days\":365", lines[3], StringComparison.Ordinal);
            Assert.All(lines, l => Assert.Contains("\"dryRun\":true", l, StringComparison.Ordinal));
        }
        finally
        {
            MinwonApp.DeleteDataDir(dataDir);
        }
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Access_log_entries_older_than_the_limit_go_under_an_anchor_and_the_chain_still_verifies_but_not_without_it(Db db)
    {
        await using var app = await MinwonApp.StartAsync(db, new Dictionary<string, string?>
        {
            ["Minwon:Retention:Enabled"] = "false",
            ["Minwon:Retention:AccessLogDays"] = "730",
        });
        await using var scope = app.Services.CreateAsyncScope();
        var log = scope.ServiceProvider.GetRequiredService<AccessLog>();
        var before = (await app.RowsAsync<AccessLogEntry>()).Count;
        for (var i = 0; i < 5; i++)
        {
            await log.AppendAsync(new AccessRecord("staff-1", "counsellor", "127.0.0.1", $"case:{i}", "reveal", "민원 처리"), Ct);
        }

        app.Clock!.Advance(TimeSpan.FromDays(731));
        await log.AppendAsync(new AccessRecord("staff-1", "counsellor", "127.0.0.1", "case:new", "reveal", "민원 처리"), Ct);

        var dry = Assert.Single(await RunAsync(app, dryRun: true), r => r.Kind == "access-log");
        Assert.Equal(before + 5, dry.Count);
        Assert.Equal(before + 6, (await app.RowsAsync<AccessLogEntry>()).Count);

        var done = Assert.Single(await RunAsync(app, dryRun: false), r => r.Kind == "access-log");
        Assert.Equal(before + 5, done.Count);
        var kept = (await app.RowsAsync<AccessLogEntry>()).OrderBy(e => e.Sequence).ToList();
        Assert.Equal(["case:new", $"accesslog:1-{before + 5}"], kept.Select(e => e.Record));
        Assert.Contains($"{before + 5} older than 730 days", kept[1].Reason, StringComparison.Ordinal);
        var verified = await log.VerifyAsync(Ct);
        Assert.True(verified.Intact, verified.Message);
        Assert.Equal(2, verified.Entries);
        Assert.Contains($"entries 1-{before + 5} were purged by retention", verified.Message, StringComparison.Ordinal);

        // New entries extend the purged chain, and a reseal keeps its anchored start.
        await log.AppendAsync(new AccessRecord("staff-2", "supervisor", "127.0.0.1", "case:later", "view"), Ct);
        Assert.True((await log.VerifyAsync(Ct)).Intact);
        Assert.True((await log.ResealAsync(new AccessRecord("admin", "admin", null, "", ""), Ct)).Verification.Intact);

        // Removing the oldest kept entry by hand is not a purge: no anchor entry vouches for the new start.
        var oldest = kept[0].Sequence;
        await app.DbAsync(d => d.Set<AccessLogEntry>().Where(e => e.Sequence == oldest).ExecuteDeleteAsync(Ct));
        var broken = await log.VerifyAsync(Ct);
        Assert.False(broken.Intact);
        Assert.Contains("no purge entry", broken.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_access_log_limit_under_two_years_is_refused_at_start()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var app = await MinwonApp.StartAsync(Db.Sqlite, new Dictionary<string, string?> { ["Minwon:Retention:AccessLogDays"] = "365" });
        });
        Assert.Contains("AccessLogDays must be 0 (keep for good) or at least 730", error.ToString(), StringComparison.Ordinal);
    }

    private static async Task<IReadOnlyList<RetentionResult>> RunAsync(MinwonApp app, bool dryRun)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RunRetention>().RunAsync(dryRun, Ct);
    }
}
