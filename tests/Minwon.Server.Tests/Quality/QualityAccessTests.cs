using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Minwon.Server.Features.Quality;
using Minwon.Server.Tests.Testing;

namespace Minwon.Server.Tests.Quality;

/// <summary>Counsellors see and dispute only their own scores; supervisors see all, resolve disputes and calibrate.</summary>
public sealed class QualityAccessTests(QualityApps apps) : IClassFixture<QualityApps>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_counsellor_sees_only_their_own_scores_and_a_supervisor_sees_everyone()
    {
        var app = await apps.GetAsync(Db.Sqlite);
        var (mine, theirs) = (await app.CounsellorAsync(), await app.CounsellorAsync());
        var supervisor = await app.StaffAsync("supervisor");
        var myConversation = await app.ConsultAsync(mine, QualityTestExtensions.Clean);
        var theirConversation = await app.ConsultAsync(theirs, QualityTestExtensions.Clean);
        await app.ScoreAsync();

        var myList = await ListAsync(mine, "");
        Assert.All(myList, r => Assert.Equal(mine.Id, r.CounsellorId));
        Assert.Contains(myList, r => r.ConversationId == myConversation);
        Assert.Empty(await ListAsync(mine, $"?counsellor={theirs.Id}"));
        var everyone = await ListAsync(supervisor, "?limit=500");
        Assert.Contains(everyone, r => r.ConversationId == myConversation);
        Assert.Contains(everyone, r => r.ConversationId == theirConversation);

        var theirScore = everyone.First(r => r.ConversationId == theirConversation);
        using var peek = await mine.Http.GetAsync($"/api/quality/scores/{theirScore.Id}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, peek.StatusCode);
        using var peekConversation = await mine.Http.GetAsync($"/api/quality/conversations/{theirConversation}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, peekConversation.StatusCode);
        using var own = await theirs.Http.GetAsync($"/api/quality/scores/{theirScore.Id}", Ct);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Fact]
    public async Task The_supervisor_list_puts_the_lowest_first_and_filters_by_area_and_channel()
    {
        var app = await apps.GetAsync(Db.Sqlite);
        var counsellor = await app.CounsellorAsync();
        var supervisor = await app.StaffAsync("supervisor");
        string[] rude = [.. QualityTestExtensions.Clean];
        rude[4] = "c: 그건 구청 가서 물어봐.";
        string[] noClosing = [.. QualityTestExtensions.Clean[..^1]];
        var cleanId = await app.ConsultAsync(counsellor, QualityTestExtensions.Clean);
        var rudeId = await app.ConsultAsync(counsellor, rude);
        var noClosingId = await app.ConsultAsync(counsellor, noClosing);
        await app.ScoreAsync();

        var mineOnly = await ListAsync(supervisor, $"?counsellor={counsellor.Id}&channel=chat");
        Assert.Equal(3, mineOnly.Count);
        Assert.Equal(cleanId, mineOnly[^1].ConversationId);
        Assert.True(mineOnly[0].Total <= mineOnly[1].Total && mineOnly[1].Total <= mineOnly[2].Total);
        var byClosing = await ListAsync(supervisor, $"?counsellor={counsellor.Id}&area=closing");
        Assert.Equal(noClosingId, byClosing[0].ConversationId);
        var byAttitude = await ListAsync(supervisor, $"?counsellor={counsellor.Id}&area=attitude");
        Assert.Equal(rudeId, byAttitude[0].ConversationId);
        Assert.Empty(await ListAsync(supervisor, $"?counsellor={counsellor.Id}&channel=phone"));
    }

    [Fact]
    public async Task A_counsellor_disputes_a_finding_and_an_upheld_dispute_restores_the_points()
    {
        var app = await apps.GetAsync(Db.Sqlite);
        var (counsellor, colleague) = (await app.CounsellorAsync(), await app.CounsellorAsync());
        var supervisor = await app.StaffAsync("supervisor");
        var conversation = await app.ConsultAsync(counsellor, QualityTestExtensions.Clean[..^1]);
        await app.ScoreAsync();
        var detail = await DetailAsync(counsellor, conversation);
        Assert.True(detail.Score.Closing < 100);
        var failed = detail.Findings.First(f => !f.Passed);
        var passed = detail.Findings.First(f => f.Passed);

        await ExpectProblemAsync(HttpStatusCode.NotFound, await colleague.Http.PostAsJsonAsync($"/api/quality/findings/{failed.Id}/disputes", new DisputeRequest("제 것"), Ct));
        await ExpectProblemAsync(HttpStatusCode.BadRequest, await counsellor.Http.PostAsJsonAsync($"/api/quality/findings/{failed.Id}/disputes", new DisputeRequest("  "), Ct));
        await ExpectProblemAsync(HttpStatusCode.Conflict, await counsellor.Http.PostAsJsonAsync($"/api/quality/findings/{passed.Id}/disputes", new DisputeRequest("통과"), Ct));
        using var created = await counsellor.Http.PostAsJsonAsync($"/api/quality/findings/{failed.Id}/disputes", new DisputeRequest("시민이 먼저 끊었습니다"), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var dispute = (await created.Content.ReadFromJsonAsync<QualityDisputeView>(Json, Ct))!;
        await ExpectProblemAsync(HttpStatusCode.Conflict, await counsellor.Http.PostAsJsonAsync($"/api/quality/findings/{failed.Id}/disputes", new DisputeRequest("다시"), Ct));

        Assert.Equal(HttpStatusCode.Forbidden, (await counsellor.Http.PostAsJsonAsync($"/api/quality/disputes/{dispute.Id}/resolution", new ResolutionRequest(true, null), Ct)).StatusCode);
        var open = await supervisor.Http.GetFromJsonAsync<List<QualityDisputeView>>("/api/quality/disputes?status=Open", Json, Ct);
        Assert.Contains(open!, d => d.Id == dispute.Id && d.Reason == "시민이 먼저 끊었습니다");
        Assert.DoesNotContain(await colleague.Http.GetFromJsonAsync<List<QualityDisputeView>>("/api/quality/disputes", Json, Ct) ?? [], d => d.Id == dispute.Id);

        using var resolved = await supervisor.Http.PostAsJsonAsync($"/api/quality/disputes/{dispute.Id}/resolution", new ResolutionRequest(true, "확인함"), Ct);
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        await ExpectProblemAsync(HttpStatusCode.Conflict, await supervisor.Http.PostAsJsonAsync($"/api/quality/disputes/{dispute.Id}/resolution", new ResolutionRequest(false, null), Ct));

        var after = await DetailAsync(counsellor, conversation);
        var overturned = after.Findings.Single(f => f.Id == failed.Id);
        Assert.True(overturned.Passed && overturned.Overturned);
        Assert.Equal(DisputeStatus.Upheld, overturned.Dispute!.Status);
        Assert.True(after.Score.Closing > detail.Score.Closing);
        Assert.True(after.Score.Total > detail.Score.Total);
    }

    [Fact]
    public async Task A_rejected_dispute_leaves_the_score_alone()
    {
        var app = await apps.GetAsync(Db.Sqlite);
        var counsellor = await app.CounsellorAsync();
        var supervisor = await app.StaffAsync("supervisor");
        var conversation = await app.ConsultAsync(counsellor, QualityTestExtensions.Clean[..^1]);
        await app.ScoreAsync();
        var detail = await DetailAsync(counsellor, conversation);
        var failed = detail.Findings.First(f => !f.Passed);
        using var created = await counsellor.Http.PostAsJsonAsync($"/api/quality/findings/{failed.Id}/disputes", new DisputeRequest("이의"), Ct);
        var dispute = (await created.Content.ReadFromJsonAsync<QualityDisputeView>(Json, Ct))!;

        using var rejected = await supervisor.Http.PostAsJsonAsync($"/api/quality/disputes/{dispute.Id}/resolution", new ResolutionRequest(false, "끝인사 없음"), Ct);

        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        var after = await DetailAsync(counsellor, conversation);
        Assert.Equal(detail.Score.Total, after.Score.Total);
        Assert.Equal(DisputeStatus.Rejected, after.Findings.Single(f => f.Id == failed.Id).Dispute!.Status);
    }

    [Fact]
    public async Task Calibration_reviews_give_agreement_per_area_and_only_supervisors_calibrate()
    {
        var app = await apps.GetAsync(Db.Sqlite);
        var counsellor = await app.CounsellorAsync();
        var supervisor = await app.StaffAsync("supervisor");
        var conversation = await app.ConsultAsync(counsellor, QualityTestExtensions.Clean[..^1]);
        await app.ScoreAsync();
        var detail = await DetailAsync(supervisor, conversation);

        Assert.Equal(HttpStatusCode.Forbidden, (await counsellor.Http.PostAsJsonAsync($"/api/quality/scores/{detail.Score.Id}/reviews",
            new ReviewRequest(100, 100, 100, 100, 100, null), Ct)).StatusCode);
        await ExpectProblemAsync(HttpStatusCode.BadRequest, await supervisor.Http.PostAsJsonAsync($"/api/quality/scores/{detail.Score.Id}/reviews",
            new ReviewRequest(101, 100, 100, 100, -1, null), Ct));
        await ExpectProblemAsync(HttpStatusCode.NotFound, await supervisor.Http.PostAsJsonAsync($"/api/quality/scores/{Guid.NewGuid()}/reviews",
            new ReviewRequest(100, 100, 100, 100, 100, null), Ct));
        using var review = await supervisor.Http.PostAsJsonAsync($"/api/quality/scores/{detail.Score.Id}/reviews",
            new ReviewRequest(100, 100, 100, 100, 50, "끝인사 누락"), Ct);
        Assert.Equal(HttpStatusCode.Created, review.StatusCode);

        var report = (await supervisor.Http.GetFromJsonAsync<CalibrationReport>("/api/quality/calibration?weeks=4", Json, Ct))!;
        Assert.True(report.Reviews >= 1);
        var closing = report.Areas.Single(a => a.Area == "closing");
        Assert.True(closing.Reviews >= 1);
        Assert.InRange(closing.LoweredAgreement, 0, 1);
        Assert.NotEmpty(report.Weeks);
        Assert.Equal(HttpStatusCode.Forbidden, (await counsellor.Http.GetAsync("/api/quality/calibration", Ct)).StatusCode);
    }

    [Fact]
    public async Task An_administrator_saves_a_new_scorecard_version_that_scores_what_closes_next()
    {
        var app = await apps.GetAsync(Db.Sqlite);
        var admin = await app.StaffAsync("admin");
        var supervisor = await app.StaffAsync("supervisor");
        var counsellor = await app.CounsellorAsync();
        var active = (await admin.Http.GetFromJsonAsync<ScorecardVersionView>("/api/quality/scorecards/active", Json, Ct))!;
        var changed = active.Scorecard with
        {
            Name = "이름 소개 제외",
            Items = [.. active.Scorecard.Items.Select(i => i.Id == "counsellor_named" ? i with { Enabled = false } : i)],
        };
        var json = Minwon.Core.Quality.ScorecardJson.Write(changed);

        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.Http.PostAsync("/api/quality/scorecards", new StringContent(json, System.Text.Encoding.UTF8, "application/json"), Ct)).StatusCode);
        await ExpectProblemAsync(HttpStatusCode.BadRequest, await admin.Http.PostAsync("/api/quality/scorecards",
            new StringContent("""{"version":1,"items":[{"id":"closing_greeting","area":"greeting","weight":5}]}""", System.Text.Encoding.UTF8, "application/json"), Ct));
        using var saved = await admin.Http.PostAsync("/api/quality/scorecards", new StringContent(json, System.Text.Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        var version = (await saved.Content.ReadFromJsonAsync<ScorecardVersionView>(Json, Ct))!.Version;
        Assert.Equal(active.Version + 1, version);

        string[] noName = [.. QualityTestExtensions.Clean];
        noName[0] = "c: 안녕하세요, 120다산콜센터입니다. 무엇을 도와드릴까요?";
        var conversation = await app.ConsultAsync(counsellor, noName);
        await app.ScoreAsync();
        var detail = await DetailAsync(counsellor, conversation);
        Assert.Equal(version, detail.Score.ScorecardVersion);
        Assert.Equal(100, detail.Score.Greeting);
        Assert.Contains(await supervisor.Http.GetFromJsonAsync<List<ScorecardVersionView>>("/api/quality/scorecards", Json, Ct) ?? [], v => v.Version == version);

        // Put the shipped scorecard back as the newest version for the other tests of this class.
        using var restored = await admin.Http.PostAsync("/api/quality/scorecards",
            new StringContent(Minwon.Core.Quality.ScorecardJson.Write(active.Scorecard), System.Text.Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.Created, restored.StatusCode);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("{\"id\":\"x\",\"turns\":[")]
    public async Task A_preview_of_something_that_is_not_a_consultation_is_refused_with_problem_details(string body)
    {
        var app = await apps.GetAsync(Db.Sqlite);
        var counsellor = await app.CounsellorAsync();
        await ExpectProblemAsync(HttpStatusCode.BadRequest, await counsellor.Http.PostAsync("/api/quality/preview",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct));
    }

    [Fact]
    public async Task A_preview_scores_without_storing()
    {
        var app = await apps.GetAsync(Db.Sqlite);
        var counsellor = await app.CounsellorAsync();
        var before = (await app.RowsAsync<QualityScore>()).Count;
        using var response = await counsellor.Http.PostAsync("/api/quality/preview", new StringContent("""
            {"id":"p1","channel":"chat","queueSeconds":400,"turns":[{"speaker":"counsellor","text":"네.","offsetSeconds":0}]}
            """, System.Text.Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var preview = (await response.Content.ReadFromJsonAsync<QualityPreview>(Json, Ct))!;
        Assert.Equal(0, preview.Scores["reachability"]);
        Assert.Equal(before, (await app.RowsAsync<QualityScore>()).Count);
    }

    [Fact]
    public async Task Scores_by_team_and_week_for_analytics()
    {
        var app = await apps.GetAsync(Db.Sqlite);
        var counsellor = await app.CounsellorAsync("team:민원1팀=5");
        var supervisor = await app.StaffAsync("supervisor");
        await app.ConsultAsync(counsellor, QualityTestExtensions.Clean);
        await app.ScoreAsync();

        var summary = (await supervisor.Http.GetFromJsonAsync<QualitySummary>("/api/quality/summary", Json, Ct))!;
        var team = Assert.Single(summary.Groups, g => g.Key == "민원1팀");
        Assert.Equal(100, team.Total);
        Assert.Contains(summary.Weeks, w => w.Groups.Any(g => g.Key == "민원1팀"));
        var byCounsellor = (await supervisor.Http.GetFromJsonAsync<QualitySummary>("/api/quality/summary?groupBy=counsellor", Json, Ct))!;
        Assert.Contains(byCounsellor.Groups, g => g.Key == counsellor.Id);
        await ExpectProblemAsync(HttpStatusCode.BadRequest, await supervisor.Http.GetAsync("/api/quality/summary?from=2026-05-01&to=2025-01-01", Ct));
        Assert.Equal(HttpStatusCode.Forbidden, (await counsellor.Http.GetAsync("/api/quality/summary", Ct)).StatusCode);
    }

    private static async Task<List<QualityScoreRow>> ListAsync(StaffMember staff, string query) =>
        (await staff.Http.GetFromJsonAsync<List<QualityScoreRow>>("/api/quality/scores" + query, Json, Ct))!;

    private static async Task<QualityScoreDetail> DetailAsync(StaffMember staff, Guid conversationId) =>
        (await staff.Http.GetFromJsonAsync<QualityScoreDetail>($"/api/quality/conversations/{conversationId}", Json, Ct))!;

    private static async Task ExpectProblemAsync(HttpStatusCode status, HttpResponseMessage response)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(Ct);
            Assert.True(status == response.StatusCode, $"expected {status}, got {(int)response.StatusCode}: {body}");
            var problem = JsonSerializer.Deserialize<ProblemDetails>(body, Json);
            Assert.Equal((int)status, problem!.Status);
            Assert.False(string.IsNullOrEmpty(problem.Title));
        }
    }
}
