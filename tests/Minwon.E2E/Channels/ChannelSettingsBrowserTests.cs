using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using Minwon.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Minwon.E2E.Channels;

/// <summary>
/// Issue 15 item 6 in Chromium: the administrators' channel settings screen (secrets never in the page, a change saved and
/// used at once by the test send) and the channel volumes on the wallboard and /analytics. Its own server.
/// </summary>
public sealed class ChannelSettingsBrowserTests(E2EFixture fixture)
{
    [Fact]
    public async Task An_administrator_points_the_sms_gateway_elsewhere_and_the_test_send_reaches_it_and_supervisors_see_channel_volumes()
    {
        fixture.RequireBrowser();
        var ct = TestContext.Current.CancellationToken;
        await using var server = await MinwonServer.StartAsync(cancellationToken: ct);
        using var gateway = new Gateway();
        await using var context = await fixture.StaffAsync(server.BaseUrl);
        var page = await context.NewPageAsync();
        await StaffDesk.SignInAsync(page, "admin", "minwon-demo-4", "/admin/channels");
        await Expect(page.Locator(".channel-settings[data-interactive='true']")).ToHaveCountAsync(1);

        var sms = page.Locator("section.channel-card[data-channel='sms']");
        await Expect(page.Locator("section.channel-card")).ToHaveCountAsync(5);
        await Expect(sms.Locator("[data-field='enabled']")).ToHaveTextAsync("사용 중");
        await Expect(sms.Locator("[data-field='health']")).ToHaveTextAsync("정상");
        var apiKey = sms.Locator("tr[data-key='Sms:ApiKey'] input");
        await Expect(apiKey).ToHaveAttributeAsync("type", "password");
        await Expect(apiKey).ToHaveAttributeAsync("data-set", "true");
        await Expect(apiKey).ToHaveValueAsync("");
        // Development's demo keys are set, and nothing of them reaches the browser.
        var html = await page.ContentAsync();
        Assert.DoesNotContain("minwon-demo-sms-key", html, StringComparison.Ordinal);
        Assert.DoesNotContain("minwon-demo-sms-outbound-key", html, StringComparison.Ordinal);
        await E2EFixture.ScreenshotAsync(page, "admin-channels");

        // No outbound URL yet: the test send says so.
        await sms.Locator("input.test-to").FillAsync("010-3120-0120");
        await sms.Locator("button.test").ClickAsync();
        await Expect(sms.Locator("p.result")).ToContainTextAsync("시험 발송 실패: 일시적 실패: Minwon:Channels:Sms:OutboundUrl is not set");

        await sms.Locator("tr[data-key='Sms:OutboundUrl'] input").FillAsync(gateway.Url + "send");
        await sms.Locator("tr[data-key='Sms:OutboundUrl'] input").DispatchEventAsync("change");
        await sms.Locator("button.save").ClickAsync();
        await Expect(sms.Locator("p.result")).ToHaveTextAsync("저장했습니다. 바로 적용됩니다.");
        await Expect(sms.Locator("tr[data-key='Sms:OutboundUrl'] td.muted")).ToContainTextAsync("이 화면");

        await sms.Locator("button.test").ClickAsync();
        await Expect(sms.Locator("p.result")).ToHaveTextAsync("시험 발송 성공: 업체가 메시지를 받았습니다.");
        var post = Assert.Single(gateway.Posts);
        Assert.Equal(("010-3120-0120", "minwon-demo-sms-outbound-key"), (post.To, post.Key));

        // Supervisors: a text message shows under 문자 on the wallboard's channel volumes; /analytics has the per-day table.
        var sent = await page.Context.APIRequest.PostAsync(new Uri(server.BaseUrl, "/api/channels/sms/inbound").ToString(), new()
        {
            Headers = new Dictionary<string, string> { ["X-Api-Key"] = "minwon-demo-sms-key" },
            DataObject = new { messageId = "vol-" + Guid.NewGuid().ToString("N"), from = "010-4120-0120", to = "1588-0120", text = "가로등 고장", receivedAt = "2026-12-06T09:00:00+09:00" },
        });
        Assert.Equal(202, sent.Status);
        await using var supervisorContext = await fixture.StaffAsync(server.BaseUrl);
        var board = await supervisorContext.NewPageAsync();
        await StaffDesk.SignInAsync(board, "supervisor", "minwon-demo-3", "/wallboard");
        var row = board.Locator(".wallboard-channels table.channel-volumes tr[data-channel='sms']");
        await Expect(row.Locator("[data-field='total']")).ToHaveTextAsync("1", new() { Timeout = 60_000 });
        await Expect(row.Locator("th")).ToContainTextAsync("문자");
        await Expect(board.Locator(".wallboard-channels table.channel-volumes tr[data-channel='email']")).ToHaveCountAsync(0);
        await E2EFixture.ScreenshotAsync(board, "wallboard-channels");
        await board.GotoAsync(new Uri(server.BaseUrl, "/analytics").ToString());
        await Expect(board.Locator(".analytics-channels h2")).ToHaveTextAsync("채널별 시간대 접수");
        await Expect(board.Locator(".analytics-channels table.channel-volumes tr[data-channel='chat']")).ToHaveCountAsync(1);
    }

    /// <summary>A stand-in for an SMS gateway at another address: takes every POST and records the recipient and key.</summary>
    private sealed class Gateway : IDisposable
    {
        private readonly HttpListener listener = new();

        public Gateway()
        {
            Url = new Uri($"http://127.0.0.1:{MinwonServer.FreePort()}/");
            listener.Prefixes.Add(Url.ToString());
            listener.Start();
            _ = ServeAsync();
        }

        public Uri Url { get; }

        public ConcurrentQueue<(string To, string? Key)> Posts { get; } = new();

        private async Task ServeAsync()
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }

                using (var json = await JsonDocument.ParseAsync(context.Request.InputStream))
                {
                    Posts.Enqueue((json.RootElement.GetProperty("to").GetString()!, context.Request.Headers["X-Api-Key"]));
                }

                context.Response.StatusCode = 200;
                context.Response.Close();
            }
        }

        public void Dispose() => listener.Close();
    }
}
