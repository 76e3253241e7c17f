using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Minwon.Server.Data;
using Minwon.Server.Features.VisualArs;

namespace Minwon.Server.Tests.VisualArs;

public sealed class HandoffContextTests(ArsAppFactory factory) : IClassFixture<ArsAppFactory>
{
    private async Task<string> RenderAsync(Guid conversationId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<ILoggerFactory>());
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<HandoffContext>(ParameterView.FromDictionary(new Dictionary<string, object?> { ["ConversationId"] = conversationId }));
            return output.ToHtmlString();
        });
    }

    [Fact]
    public async Task Shows_the_counsellor_the_path_and_the_answers_the_citizen_gave()
    {
        var conversationId = Guid.CreateVersion7();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MinwonDbContext>();
            db.Add(new ArsHandoff
            {
                ConversationId = conversationId,
                PathJson = "[\"상하수도\",\"이사 정산 신청\"]",
                FormJson = "{\"formId\":\"water-move\",\"title\":\"이사 수도요금 정산 신청 (작성 중)\",\"fields\":[{\"label\":\"고객번호\",\"value\":\"123456789\"},{\"label\":\"주소\",\"value\":\"<b>중구</b> 세종대로 110\"}]}",
                CallId = "pbx-42",
            });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var raw = await RenderAsync(conversationId);
        var html = System.Net.WebUtility.HtmlDecode(raw);

        Assert.Contains("&lt;b&gt;", raw);
        Assert.DoesNotContain("<b>", raw);
        Assert.Contains("상하수도 › 이사 정산 신청", html);
        Assert.Contains("<dt>고객번호</dt>", html);
        Assert.Contains("123456789", html);
        Assert.Contains("<b>중구</b> 세종대로 110", html);
        Assert.Contains("pbx-42", html);
    }

    [Fact]
    public async Task Renders_nothing_for_a_chat_that_did_not_come_from_the_visual_ARS()
    {
        Assert.Equal("", (await RenderAsync(Guid.CreateVersion7())).Trim());
    }
}
