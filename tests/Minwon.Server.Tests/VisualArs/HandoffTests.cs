using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minwon.Core.VisualArs;
using Minwon.Server.Data;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Features.VisualArs;

namespace Minwon.Server.Tests.VisualArs;

public sealed class HandoffTests(ArsAppFactory factory) : IClassFixture<ArsAppFactory>
{
    [Fact]
    public async Task Opens_a_chat_carrying_the_path_and_what_the_citizen_typed_on_the_form()
    {
        using var browser = ArsBrowser.Open(factory);
        await browser.GetPageAsync("/ars");
        await browser.GetPageAsync("/ars/n/living");
        var (_, token) = await browser.GetPageAsync("/ars/n/bulky-waste");

        var response = await browser.PostFormAsync("/ars/connect/counsellor?from=bulky-waste", token,
            [new("district", "11440"), new("address", "마포구 성산동 12"), new("items", "피아노 1대 (수거 가능한지 궁금)"), new("date", ""), new("phone", "")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith("/chat#t=", location);
        var chatToken = Uri.UnescapeDataString(location["/chat#t=".Length..location.IndexOf("&k=", StringComparison.Ordinal)]);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MinwonDbContext>();
        var conversation = await db.Set<Conversation>().SingleAsync(c => c.Token == chatToken, TestContext.Current.CancellationToken);
        Assert.Equal("보이는 ARS: 생활 > 대형폐기물 배출 신고", conversation.Topic);
        var handoff = await db.Set<ArsHandoff>().SingleAsync(h => h.ConversationId == conversation.Id, TestContext.Current.CancellationToken);
        Assert.Equal(["생활", "대형폐기물 배출 신고"], JsonSerializer.Deserialize<List<string>>(handoff.PathJson, ArsJson.Options));
        var form = JsonSerializer.Deserialize<ArsHandoffForm>(handoff.FormJson!, ArsJson.Options)!;
        Assert.Contains(new ArsHandoffField("자치구", "마포구"), form.Fields);
        Assert.Contains(new ArsHandoffField("배출 품목", "피아노 1대 (수거 가능한지 궁금)"), form.Fields);
        Assert.DoesNotContain(form.Fields, f => f.Label == "연락처");
    }

    [Fact]
    public async Task Attaches_the_request_the_citizen_already_filed_when_they_ask_for_a_counsellor_afterwards()
    {
        using var browser = ArsBrowser.Open(factory);
        var (_, token) = await browser.GetPageAsync("/ars/n/bulky-waste");
        var filed = await browser.PostFormAsync("/ars/n/bulky-waste", token, SelfServiceFormTests.BulkyWaste("010-8888-1111"));
        Assert.Equal(HttpStatusCode.Redirect, filed.StatusCode);
        (_, token) = await browser.GetPageAsync("/ars/n/counsellor");

        var response = await browser.PostFormAsync("/ars/connect/counsellor", token, []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MinwonDbContext>();
        var submission = await db.Set<ArsSubmission>().SingleAsync(s => s.PhoneLast4 == "1111", TestContext.Current.CancellationToken);
        var handoff = await db.Set<ArsHandoff>().SingleAsync(h => h.ReceiptNumber == submission.ReceiptNumber, TestContext.Current.CancellationToken);
        Assert.Contains("010-8888-1111", handoff.FormJson);
        Assert.True(await db.Set<ArsVisit>().AnyAsync(v => v.SessionId == submission.SessionId && v.Kind == ArsVisitKind.Handoff, TestContext.Current.CancellationToken));
    }
}
