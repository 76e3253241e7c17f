using System.Net;
using System.Net.Http.Json;
using Minwon.Server.Features.Quality;
using Minwon.Server.Features.Quality.Events;
using Minwon.Server.Platform.Events;
using Minwon.Server.Tests.Testing;

namespace Minwon.Server.Tests.Quality;

/// <summary>Every closed consultation is scored once, from the event log, with findings that point at its messages.</summary>
public sealed class QualityScoringTests(QualityApps apps) : IClassFixture<QualityApps>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_closed_chat_is_scored_with_its_findings_and_the_scorecard_version(Db db)
    {
        var app = await apps.GetAsync(db);
        var counsellor = await app.CounsellorAsync("team:교통=5,lang:ko=10");
        var conversationId = await app.ConsultAsync(counsellor, QualityTestExtensions.Clean);

        await app.ScoreAsync();

        var score = Assert.Single(await app.RowsAsync<QualityScore>(q => q.Where(s => s.ConversationId == conversationId)));
        Assert.Equal(counsellor.Id, score.CounsellorId);
        Assert.Equal("교통", score.Team);
        Assert.Equal("chat", score.Channel);
        Assert.Equal(1, score.ScorecardVersion);
        Assert.Equal(100, score.Total);
        var findings = await app.RowsAsync<QualityFindingRecord>(q => q.Where(f => f.ScoreId == score.Id));
        Assert.All(findings, f => Assert.True(f.Passed, f.Item));
        var greeting = Assert.Single(findings, f => f.Item == "greeting_phrase");
        Assert.Contains("120다산콜센터", greeting.Evidence, StringComparison.Ordinal);
        var greetingMessage = await app.RowsAsync<Minwon.Server.Features.Conversations.Message>(q => q.Where(m => m.ConversationId == conversationId && m.Seq == greeting.MessageSeq));
        Assert.StartsWith("안녕하세요, 서울시 120다산콜센터", Assert.Single(greetingMessage).Body, StringComparison.Ordinal);

        // The score is announced on the backbone in the same transaction, with the conversation on the row.
        var scored = Assert.Single(await app.RowsAsync<EventLogEntry>(q => q.Where(e => e.ConversationId == conversationId && e.Type == "ConsultationScored")));
        var payload = Assert.IsType<ConsultationScored>(EventCatalog.Deserialize(scored.Type, scored.Payload));
        Assert.Equal(score.Id, payload.ScoreId);
        Assert.Equal(1, payload.ScorecardVersion);
        Assert.Equal(100, payload.Total);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_defect_lowers_its_area_and_the_finding_points_at_the_message_with_masked_evidence(Db db)
    {
        var app = await apps.GetAsync(db);
        var counsellor = await app.CounsellorAsync();
        string[] lines = [.. QualityTestExtensions.Clean];
        lines[4] = "c: 아까 말씀드렸잖아요. 마포구청 민원여권과 02-3153-8460으로 전화하시면 됩니다.";
        var conversationId = await app.ConsultAsync(counsellor, lines);

        await app.ScoreAsync();

        var score = Assert.Single(await app.RowsAsync<QualityScore>(q => q.Where(s => s.ConversationId == conversationId)));
        Assert.True(score.Attitude < 100);
        Assert.Equal([100, 100, 100, 100], new[] { score.Greeting, score.Handling, score.Reachability, score.Closing });
        var blame = Assert.Single(await app.RowsAsync<QualityFindingRecord>(q => q.Where(f => f.ScoreId == score.Id && !f.Passed)));
        Assert.Equal("no_blame_or_sarcasm", blame.Item);
        var messages = await app.RowsAsync<Minwon.Server.Features.Conversations.Message>(q => q.Where(m => m.ConversationId == conversationId && m.Seq == blame.MessageSeq));
        Assert.Contains("말씀드렸잖아요", Assert.Single(messages).Body, StringComparison.Ordinal);
        Assert.DoesNotContain("3153-8460", blame.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_consultation_is_scored_once_however_often_the_log_is_read()
    {
        var app = await apps.GetAsync(Db.Sqlite);
        var counsellor = await app.CounsellorAsync();
        var conversationId = await app.ConsultAsync(counsellor, QualityTestExtensions.Clean);

        await app.ScoreAsync();
        Assert.Equal(0, await app.ScoreAsync());
        await app.DbAsync(async db =>
        {
            // A second reader from an old position (another node, a restored backup) must not score it again.
            var cursor = await db.Set<EventCursor>().FindAsync([QualityConsumer.CursorName], Ct);
            cursor!.MoveTo(EventPosition.Start, DateTimeOffset.UnixEpoch);
            cursor.Version = Guid.NewGuid();
            return await db.SaveChangesAsync(Ct);
        });
        await app.ScoreAsync();

        Assert.Single(await app.RowsAsync<QualityScore>(q => q.Where(s => s.ConversationId == conversationId)));
    }

    [Fact]
    public async Task The_score_survives_a_restart_and_the_cursor_picks_up_where_it_stopped()
    {
        var dir = Directory.CreateTempSubdirectory("minwon-quality-").FullName;
        try
        {
            Guid first;
            Guid second;
            var settings = new Dictionary<string, string?> { ["Minwon:Quality:Enabled"] = "false" };
            await using (var app = await MinwonApp.StartAsync(Db.Sqlite, settings, dataDir: dir))
            {
                var counsellor = await app.CounsellorAsync();
                first = await app.ConsultAsync(counsellor, QualityTestExtensions.Clean);
                await app.ScoreAsync();
                second = await app.ConsultAsync(counsellor, QualityTestExtensions.Clean);
            }

            await using (var again = await MinwonApp.StartAsync(Db.Sqlite, settings, dataDir: dir))
            {
                await again.ScoreAsync();
                var scored = await again.RowsAsync<QualityScore>();
                Assert.Equal([first, second], scored.Select(s => s.ConversationId).Order());
            }
        }
        finally
        {
            MinwonApp.DeleteDataDir(dir);
        }
    }

    [Fact]
    public async Task The_quality_consumer_on_the_backbone_scores_a_consultation_after_its_case_closes()
    {
        await using var app = await MinwonApp.StartAsync(Db.Sqlite, fakeClock: false);
        var counsellor = await app.CounsellorAsync();
        var conversationId = await app.ConsultAsync(counsellor, QualityTestExtensions.Clean);

        var waited = System.Diagnostics.Stopwatch.StartNew();
        List<QualityScore> scores;
        while ((scores = await app.RowsAsync<QualityScore>(q => q.Where(s => s.ConversationId == conversationId))).Count == 0 && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(200, Ct);
        }

        Assert.Single(scores);
        using var detail = await counsellor.Http.GetAsync($"/api/quality/conversations/{conversationId}", Ct);
        Assert.Equal(HttpStatusCode.OK, detail.StatusCode);
        var body = await detail.Content.ReadFromJsonAsync<QualityScoreDetail>(Ct);
        Assert.Equal(conversationId, body!.Score.ConversationId);
        Assert.NotEmpty(body.Transcript);
    }
}
