using System.Security.Claims;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minwon.Server.Data;
using Minwon.Server.Features.Assistant;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Features.Knowledge;
using Minwon.Server.Features.Staff;
using Minwon.Server.Features.TextSafety;

namespace Minwon.Server.Tests.Assistant;

/// <summary>Chats go straight to the queue (no bot), so every message in a conversation is the citizen's.</summary>
public sealed class AssistantAppFactory : SqliteAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Minwon:Routing:Enabled", "false");
        builder.UseSetting("Minwon:Chatbot:Enabled", "false");
    }
}

/// <summary>Issue 9 items 9 and 10: the assistant follows the conversation; the case form gets the real plate through the access log.</summary>
public sealed class AssistantTests(AssistantAppFactory app) : IClassFixture<AssistantAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Articles = """
        {"id":"fine-pay","title":"불법 주정차 과태료 납부 방법","body":"불법 주정차 과태료는 위택스, 가상계좌, 은행 ATM, 편의점에서 납부할 수 있습니다. 고지서가 없으면 차량번호로 조회합니다.","category":"교통","keywords":["과태료","주차딱지"],"questions":["주차 과태료 어디서 내요"]}
        {"id":"water-bill","title":"수도요금 고지서 재발행","body":"수도요금 고지서를 받지 못했다면 아리수 누리집이나 관할 수도사업소에서 재발행할 수 있습니다.","category":"상하수도","keywords":["수도요금","고지서"],"questions":["수도요금 고지서가 안 왔어요"]}
        {"id":"museum","title":"서울시립미술관 관람 안내","body":"서울시립미술관은 화요일부터 일요일까지 관람할 수 있습니다. 방문해 주셔서 감사합니다. 단체 관람은 예약해 주세요.","category":"문화","keywords":["미술관","관람","감사"],"questions":["미술관 몇 시까지 해요"]}
        {"id":"jobs","title":"서울 일자리 플러스센터","body":"일자리 플러스센터는 구직 상담과 일자리 알선을 합니다. 일 똑바로 하는 곳을 찾는다면 직업 상담을 받아 보세요.","category":"경제","keywords":["일자리","구직"],"questions":["일 할 곳 찾아요"]}
        """;

    private async Task<(Guid Id, string Token)> ConversationAsync(params string[] citizenMessages)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        Assert.Empty((await sp.GetRequiredService<ImportArticles>().RunAsync(new StringReader(Articles), Ct)).Problems);
        var started = await sp.GetRequiredService<StartChat>().HandleAsync(new StartChatRequest("ko", null, null, null), Ct);
        foreach (var text in citizenMessages)
        {
            await sp.GetRequiredService<PostMessage>().FromCitizenAsync(started.Token, new PostMessageRequest(text, null), Ct);
        }

        return (started.ConversationId, started.Token);
    }

    private async Task<AssistantView> SuggestAsync(Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AssistantSuggestions>().SuggestAsync(id, Ct);
    }

    private static ClaimsPrincipal Staff(string id, string role) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id), new Claim(ClaimTypes.Role, role)], "test"));

    [Fact]
    public async Task Keeps_suggesting_for_the_parking_case_after_thanks_and_abuse()
    {
        var (id, _) = await ConversationAsync("수도요금 고지서가 안 왔어요", "그건 됐고요 주차딱지 날라왔는데 어디서 내요");
        var before = await SuggestAsync(id);
        Assert.Equal("fine-pay", before.Articles[0].ArticleId);

        var (after, _) = await ConversationAsync("수도요금 고지서가 안 왔어요", "그건 됐고요 주차딱지 날라왔는데 어디서 내요", "네 감사합니다", "씨발 일 똑바로 해라 개새끼들아");
        var view = await SuggestAsync(after);

        // Thanks and swearing change nothing: the same articles and categories as before them.
        Assert.Equal(before.Articles.Select(a => a.ArticleId), view.Articles.Select(a => a.ArticleId));
        Assert.Equal(before.Categories.Select(c => c.CategoryId), view.Categories.Select(c => c.CategoryId));
        Assert.NotEmpty(view.Categories);
        Assert.Equal("불법주정차 신고·단속", view.Categories[0].Minor);
    }

    [Fact]
    public async Task Follows_the_conversation_to_its_new_topic()
    {
        var (id, _) = await ConversationAsync("주차딱지 날라왔는데 어디서 내요", "아 그리고 수도요금 고지서가 안 왔어요 재발행 돼요?");
        var view = await SuggestAsync(id);

        Assert.Equal("water-bill", view.Articles[0].ArticleId);
        Assert.Equal("수도요금·이사정산", view.Categories[0].Minor);
    }

    [Fact]
    public async Task Fills_the_case_form_with_the_real_plate_and_address_through_the_access_log()
    {
        var (id, _) = await ConversationAsync("12가3456 차량이 테헤란로 152 앞에 계속 불법주차 해요", "강남구 역삼동이에요");
        var view = await SuggestAsync(id);
        Assert.True(view.HasMaskedDetails);
        Assert.DoesNotContain("12가3456", view.Form.VehiclePlates);

        await using var scope = app.Services.CreateAsyncScope();
        var prefill = scope.ServiceProvider.GetRequiredService<PrefillCaseForm>();
        var db = scope.ServiceProvider.GetRequiredService<MinwonDbContext>();
        Assert.Null(await prefill.HandleAsync(id, Staff("someone-else", StaffRoles.Counsellor), null, Ct));
        Assert.False(await db.Set<AccessLogEntry>().AnyAsync(e => e.Record == $"conversation:{id}", Ct));

        var form = await prefill.HandleAsync(id, Staff("supervisor-1", StaffRoles.Supervisor), "127.0.0.1", Ct);

        Assert.NotNull(form);
        Assert.Contains("12가3456", form.VehiclePlates);
        Assert.Contains("테헤란로 152", form.Address, StringComparison.Ordinal);
        Assert.Equal("강남구", form.DistrictName);
        var logged = await db.Set<AccessLogEntry>().SingleAsync(e => e.Record == $"conversation:{id}", Ct);
        Assert.Equal(PrefillCaseForm.Action, logged.Action);
        Assert.Equal("supervisor-1", logged.ActorId);
        // Stored text stays masked.
        Assert.DoesNotContain(await db.Set<Message>().Where(m => m.ConversationId == id).Select(m => m.Body).ToListAsync(Ct),
            b => b.Contains("12가3456", StringComparison.Ordinal));
    }
}
