using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minwon.Server.Data;
using Minwon.Server.Features.Assistant;
using Minwon.Server.Features.IssueAlerting;
using Minwon.Server.Features.Protection;
using Minwon.Server.Features.TextSafety;
using Minwon.Server.Platform;

namespace Minwon.Server.Tests.Protection;

/// <summary>Bad input to the protection, access-log, assistant and issue services: a clear 400 and nothing stored.</summary>
public sealed class BadInputTests(ProtectionAppFactory app) : IClassFixture<ProtectionAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<int> CountAsync<T>() where T : class =>
        await app.WithScopeAsync(sp => sp.GetRequiredService<MinwonDbContext>().Set<T>().CountAsync(Ct));

    [Theory]
    [InlineData("", 6)]
    [InlineData("   ", 6)]
    [InlineData("ok", 0)]
    [InlineData("ok", 400)]
    public async Task Refuses_a_notice_with_no_text_or_an_impossible_validity(string text, int hours)
    {
        var before = await CountAsync<Notice>();
        var error = await Assert.ThrowsAsync<ProblemException>(() => app.WithScopeAsync(sp =>
            sp.GetRequiredService<IssueActions>().PublishNoticeAsync(null, new PublishNoticeRequest(text, hours, null), "sup", Ct)));
        Assert.Equal(400, error.Status);
        Assert.Equal(before, await CountAsync<Notice>());
    }

    [Fact]
    public async Task Refuses_a_notice_longer_than_its_limit() =>
        Assert.Equal(400, (await Assert.ThrowsAsync<ProblemException>(() => app.WithScopeAsync(sp =>
            sp.GetRequiredService<IssueActions>().PublishNoticeAsync(null, new PublishNoticeRequest(new string('가', Notice.MaxTextLength + 1), 6, null), "sup", Ct)))).Status);

    [Fact]
    public async Task Refuses_to_set_an_issue_back_to_new_and_answers_404_for_an_unknown_issue()
    {
        Assert.Equal(400, (await Assert.ThrowsAsync<ProblemException>(() => app.WithScopeAsync(sp =>
            sp.GetRequiredService<IssueActions>().DecideAsync(Guid.NewGuid(), IssueStatus.New, "sup", Ct)))).Status);
        Assert.Equal(404, (await Assert.ThrowsAsync<ProblemException>(() => app.WithScopeAsync(sp =>
            sp.GetRequiredService<IssueActions>().DecideAsync(Guid.NewGuid(), IssueStatus.Confirmed, "sup", Ct)))).Status);
    }

    [Fact]
    public async Task Skips_malformed_replay_lines_and_records_no_issue_from_them()
    {
        var before = await CountAsync<DetectedIssue>();
        var result = await app.WithScopeAsync(sp => sp.GetRequiredService<IssueActions>()
            .ReplayAsync(new StringReader("{not json\n{\"time\":\"yesterday\",\"text\":\"x\"}\n\n\u0000\u0001\n"), Ct));
        Assert.Equal(0, result.Events);
        Assert.Equal(3, result.Skipped);
        Assert.Equal(before, await CountAsync<DetectedIssue>());
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("November")]
    [InlineData("2026-1")]
    public async Task Refuses_an_access_review_month_that_is_not_yyyy_mm(string month) =>
        Assert.Equal(400, (await Assert.ThrowsAsync<ProblemException>(() => app.WithScopeAsync(sp =>
            sp.GetRequiredService<AccessReviewReport>().HandleAsync(month, Ct)))).Status);

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public async Task Refuses_an_empty_incident_note(string note) =>
        Assert.Equal(400, (await Assert.ThrowsAsync<ProblemException>(() => app.WithScopeAsync(sp =>
            sp.GetRequiredService<ProtectionActions>().AddNoteAsync(Guid.NewGuid(), "sup", true, note, Ct)))).Status);

    [Fact]
    public async Task Refuses_feedback_without_an_article_and_stores_nothing()
    {
        var before = await CountAsync<AssistantFeedback>();
        Assert.Equal(400, (await Assert.ThrowsAsync<ProblemException>(() => app.WithScopeAsync(sp =>
            sp.GetRequiredService<RecordFeedback>().HandleAsync(Guid.NewGuid(), " ", "agent", true, Ct)))).Status);
        Assert.Equal(before, await CountAsync<AssistantFeedback>());
    }

    [Fact]
    public async Task Reveals_nothing_for_a_conversation_the_counsellor_does_not_serve()
    {
        var serving = await app.CounsellorAsync("bad1", Ct);
        var other = await app.CounsellorAsync("bad2", Ct);
        var (id, token) = await app.AssignedChatAsync(serving, Ct);
        var message = await app.WithScopeAsync(sp => sp.GetRequiredService<Minwon.Server.Features.Conversations.PostMessage>()
            .FromCitizenAsync(token, new Minwon.Server.Features.Conversations.PostMessageRequest("010-1111-2222", null), Ct));
        var before = await CountAsync<AccessLogEntry>();
        var user = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, other),
             new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.Role, Minwon.Server.Features.Staff.StaffRoles.Counsellor)], "test"));
        Assert.Null(await app.WithScopeAsync(sp => sp.GetRequiredService<RevealOriginal>().HandleAsync(id, message.Seq, user, null, Ct)));
        Assert.Equal(before, await CountAsync<AccessLogEntry>());
    }
}
