using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minwon.Server.Data;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Features.TextSafety;

namespace Minwon.Server.Tests.Protection;

public sealed class TextSafetyInMessagesTests(ProtectionAppFactory app) : IClassFixture<ProtectionAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Stores_messages_masked_and_keeps_the_original_only_encrypted()
    {
        var agent = await app.CounsellorAsync("mask1", Ct);
        var (id, token) = await app.AssignedChatAsync(agent, Ct);
        const string text = "제 번호는 010-1234-5678 이고 주민번호는 900101-1234567 입니다";
        var dto = await app.WithScopeAsync(sp => sp.GetRequiredService<PostMessage>()
            .FromCitizenAsync(token, new PostMessageRequest(text, "m1"), Ct));

        Assert.DoesNotContain("1234-5678", dto.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("1234567", dto.Body, StringComparison.Ordinal);
        Assert.True(dto.HasMaskedData);
        var stored = await app.WithScopeAsync(sp => sp.GetRequiredService<MinwonDbContext>().Set<Message>()
            .AsNoTracking().FirstAsync(m => m.ConversationId == id && m.Seq == dto.Seq, Ct));
        Assert.Equal(dto.Body, stored.Body);
        Assert.NotNull(stored.ProtectedOriginal);
        Assert.DoesNotContain("5678", stored.ProtectedOriginal, StringComparison.Ordinal);
        Assert.Equal(text, app.Services.GetRequiredService<TextGuard>().Unprotect(stored.ProtectedOriginal!));
    }

    [Fact]
    public async Task Keeps_no_encrypted_copy_when_there_is_nothing_to_mask()
    {
        var agent = await app.CounsellorAsync("mask2", Ct);
        var (_, token) = await app.AssignedChatAsync(agent, Ct);
        var dto = await app.WithScopeAsync(sp => sp.GetRequiredService<PostMessage>()
            .FromCitizenAsync(token, new PostMessageRequest("7016번 버스 배차간격이 궁금해요", null), Ct));
        Assert.Equal("7016번 버스 배차간격이 궁금해요", dto.Body);
        Assert.False(dto.HasMaskedData);
    }

    [Fact]
    public async Task Masks_personal_data_a_counsellor_types_into_a_case_summary()
    {
        var agent = await app.CounsellorAsync("mask3", Ct);
        var (id, _) = await app.AssignedChatAsync(agent, Ct);
        var filed = await app.WithScopeAsync(sp => sp.GetRequiredService<CloseConversation>().HandleAsync(id, agent,
            new CaseForm(null, "11440", "시민 연락처 010-3456-7890, 망원동 단수 문의", Minwon.Server.Features.Cases.CaseDisposition.CallbackNeeded), Ct));
        Assert.DoesNotContain("3456-7890", filed.Summary, StringComparison.Ordinal);
        Assert.Contains("망원동 단수 문의", filed.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chains_access_log_entries_and_detects_tampering()
    {
        var log = (Func<IServiceProvider, AccessLog>)(sp => sp.GetRequiredService<AccessLog>());
        for (var i = 0; i < 3; i++)
        {
            await app.WithScopeAsync(sp => log(sp).AppendAsync(new AccessRecord("u1", "supervisor", "127.0.0.1", $"message:{i}", "reveal"), Ct));
        }

        Assert.True((await app.WithScopeAsync(sp => log(sp).VerifyAsync(Ct))).Intact);
        await app.WithScopeAsync(sp => sp.GetRequiredService<MinwonDbContext>().Database
            .ExecuteSqlRawAsync("UPDATE AccessLog SET Action = 'view' WHERE Sequence = 2", Ct));
        var broken = await app.WithScopeAsync(sp => log(sp).VerifyAsync(Ct));
        Assert.False(broken.Intact);
        Assert.Equal(2, broken.FirstBrokenSequence);
        await app.WithScopeAsync(sp => sp.GetRequiredService<MinwonDbContext>().Database
            .ExecuteSqlRawAsync("UPDATE AccessLog SET Action = 'reveal' WHERE Sequence = 2", Ct));
    }
}
