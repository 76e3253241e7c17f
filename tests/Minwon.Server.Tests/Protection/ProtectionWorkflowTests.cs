using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minwon.Core.Conversations;
using Minwon.Core.Routing;
using Minwon.Server.Data;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Features.Protection;
using Minwon.Server.Features.Routing;
using Minwon.Server.Features.TextSafety;
using Minwon.Server.Platform;

namespace Minwon.Server.Tests.Protection;

public sealed class ProtectionWorkflowTests(ProtectionAppFactory app) : IClassFixture<ProtectionAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<ProtectionIncident?> IncidentAsync(Guid conversationId)
    {
        // The incident is opened by a live-event handler right after the message is stored.
        for (var i = 0; i < 50; i++)
        {
            var incident = await app.WithScopeAsync(sp => sp.GetRequiredService<MinwonDbContext>().Set<ProtectionIncident>()
                .AsNoTracking().FirstOrDefaultAsync(x => x.ConversationId == conversationId, Ct));
            if (incident is not null)
            {
                return incident;
            }

            await Task.Delay(100, Ct);
        }

        return null;
    }

    [Fact]
    public async Task Warns_three_times_then_ends_the_abusive_contact_and_protects_the_counsellor()
    {
        var agent = await app.CounsellorAsync("prot1", Ct);
        var (id, token) = await app.AssignedChatAsync(agent, Ct);
        var abusive = await app.WithScopeAsync(sp => sp.GetRequiredService<PostMessage>()
            .FromCitizenAsync(token, new PostMessageRequest("씨발 일 똑바로 안해?", null), Ct));
        Assert.NotEqual("none", abusive.Abuse);
        var incident = await IncidentAsync(id);
        Assert.NotNull(incident);

        var early = await Assert.ThrowsAsync<ProblemException>(() => app.WithScopeAsync(sp =>
            sp.GetRequiredService<ProtectionActions>().EndAsync(id, agent, null, Ct)));
        Assert.Equal(409, early.Status);
        for (var n = 1; n <= 3; n++)
        {
            Assert.Equal(n, await app.WithScopeAsync(sp => sp.GetRequiredService<ProtectionActions>().WarnAsync(id, agent, Ct)));
        }

        await Assert.ThrowsAsync<ProblemException>(() => app.WithScopeAsync(sp => sp.GetRequiredService<ProtectionActions>().WarnAsync(id, agent, Ct)));
        await app.WithScopeAsync(sp => sp.GetRequiredService<ProtectionActions>().EndAsync(id, agent, "반복 욕설", Ct));

        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<MinwonDbContext>();
            var conversation = await db.Set<Conversation>().AsNoTracking().Include(c => c.Contact).FirstAsync(c => c.Id == id, Ct);
            Assert.Equal(ConversationStatus.Closed, conversation.Status);
            var protectionQueue = await db.Set<ServiceQueue>().FirstAsync(q => q.Name == SeedDefaultQueues.ProtectionQueue, Ct);
            Assert.Equal(protectionQueue.Id, conversation.Contact!.RouteToQueueId);
            var profile = await db.Set<AgentProfile>().AsNoTracking().FirstAsync(a => a.UserId == agent, Ct);
            Assert.Equal(Presence.Break, profile.Presence);
            Assert.NotNull(profile.RestUntil);
            var messages = await db.Set<Message>().AsNoTracking().Where(m => m.ConversationId == id).ToListAsync(Ct);
            Assert.Equal(3, messages.Count(m => m.Body.Contains("안내)", StringComparison.Ordinal)));
            Assert.Contains(messages, m => m.Body.Contains("상담을 종료합니다", StringComparison.Ordinal));
            return true;
        });
    }

    [Fact]
    public async Task Ends_sexual_harassment_at_once_and_routes_the_citizen_to_the_designated_team_next_time()
    {
        var agent = await app.CounsellorAsync("prot2", Ct);
        var (id, token) = await app.AssignedChatAsync(agent, Ct);
        await app.WithScopeAsync(sp => sp.GetRequiredService<PostMessage>()
            .FromCitizenAsync(token, new PostMessageRequest("목소리 섹시하네 몇 살이야 애인 있어?", null), Ct));
        var incident = await IncidentAsync(id);
        Assert.Equal("sexual", incident?.Label);
        await app.WithScopeAsync(sp => sp.GetRequiredService<ProtectionActions>().EndAsync(id, agent, null, Ct));

        var contactKey = await app.WithScopeAsync(sp => sp.GetRequiredService<MinwonDbContext>().Set<Conversation>()
            .Where(c => c.Id == id).Select(c => c.Contact!.ExternalKey).FirstAsync(Ct));
        var next = await app.WithScopeAsync(sp => sp.GetRequiredService<StartChat>().HandleAsync(new StartChatRequest("ko", null, contactKey, null), Ct));
        var queueName = await app.WithScopeAsync(sp => sp.GetRequiredService<MinwonDbContext>().Set<Conversation>()
            .Where(c => c.Id == next.ConversationId)
            .Join(sp.GetRequiredService<MinwonDbContext>().Set<ServiceQueue>(), c => c.QueueId, q => q.Id, (c, q) => q.Name).FirstAsync(Ct));
        Assert.Equal(SeedDefaultQueues.ProtectionQueue, queueName);
    }

    [Fact]
    public async Task Exports_the_unmasked_evidence_and_logs_the_export()
    {
        var agent = await app.CounsellorAsync("prot3", Ct);
        var (id, token) = await app.AssignedChatAsync(agent, Ct);
        await app.WithScopeAsync(sp => sp.GetRequiredService<PostMessage>()
            .FromCitizenAsync(token, new PostMessageRequest("죽여버린다 010-9876-5432 이 번호로 전화해", null), Ct));
        var incident = await IncidentAsync(id);
        Assert.NotNull(incident);
        var before = await app.WithScopeAsync(sp => sp.GetRequiredService<MinwonDbContext>().Set<AccessLogEntry>().CountAsync(Ct));
        var bundle = await app.WithScopeAsync(sp => sp.GetRequiredService<ExportEvidence>()
            .HandleAsync(incident.Id, new AccessRecord("sup", "supervisor", "127.0.0.1", "", ""), Ct));
        Assert.Contains(bundle.Transcript, m => m.Text.Contains("010-9876-5432", StringComparison.Ordinal));
        var after = await app.WithScopeAsync(sp => sp.GetRequiredService<MinwonDbContext>().Set<AccessLogEntry>()
            .OrderBy(e => e.Sequence).ToListAsync(Ct));
        Assert.Equal(before + 1, after.Count);
        Assert.Equal($"evidence:{incident.Id}", after[^1].Record);
        Assert.Equal("export", after[^1].Action);
    }
}
