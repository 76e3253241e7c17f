using System.Buffers.Binary;
using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using Minwon.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Minwon.E2E.Channels;

/// <summary>
/// Issue 15's browser test: the desk with an SMS conversation whose MMS photo is shown (a real image, loaded through the
/// access-checked endpoint, with a text alternative), and the citizen's merged history from TalkTalk and KakaoTalk with
/// channel icons. Its own server, with the TalkTalk token and the KakaoTalk dealer secret set; the photo is served by a
/// stand-in for the SMS gateway's media store on another loopback port.
/// </summary>
public sealed class MmsPhotoDeskBrowserTests(E2EFixture fixture)
{
    private const string TalkTalkToken = "e2e-talktalk-token";
    private const string KakaoSecret = "e2e-kakao-secret";

    [Fact]
    public async Task The_desk_shows_an_sms_conversations_photo_and_the_merged_history_from_every_channel_with_icons()
    {
        fixture.RequireBrowser();
        var ct = TestContext.Current.CancellationToken;
        await using var server = await MinwonServer.StartAsync(
            [$"--Minwon:Channels:TalkTalk:WebhookToken={TalkTalkToken}", $"--Minwon:Channels:Kakao:WebhookSecret={KakaoSecret}"], ct);
        using var media = new MediaStore(Png(96, 64));
        await using var staffContext = await fixture.StaffAsync(server.BaseUrl);
        var page = await staffContext.NewPageAsync();
        var desk = new StaffDesk(page);
        await desk.SignInAsync("counsellor1", "minwon-demo-1");
        await desk.GoAvailableAsync();

        var api = page.Context.APIRequest;
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var phone = "010-" + Random.Shared.Next(1000, 9999) + "-" + Random.Shared.Next(1000, 9999);
        await PostAsync(api, new Uri(server.BaseUrl, $"/api/channels/talktalk/webhook?token={TalkTalkToken}"),
            JsonSerializer.Serialize(new { @event = "send", user = "tt-" + suffix, textContent = new { text = "가로등이 꺼졌다고 톡톡으로 먼저 문의했어요", inputType = "typing" } }));
        var kakao = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["event"] = "message", ["serial_number"] = "kk-" + suffix, ["user_key"] = "kk-user-" + suffix, ["sender_key"] = "seoul120",
            ["type"] = "text", ["content"] = "카카오톡으로도 가로등 고장 알려 드려요", ["time"] = "2026-12-06T09:00:00+09:00",
        });
        await PostAsync(api, new Uri(server.BaseUrl, "/api/channels/kakao/webhook"), kakao,
            ("X-Kakao-Signature", Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(KakaoSecret), Encoding.UTF8.GetBytes(kakao)))));
        await PostAsync(api, new Uri(server.BaseUrl, "/api/channels/sms/inbound"), JsonSerializer.Serialize(new
        {
            messageId = "mms-" + suffix, from = phone, to = "1588-0120", text = "꺼진 가로등 사진입니다", receivedAt = "2026-12-06T09:00:00+09:00",
            media = new[] { new { url = media.Url + "lamp.png", contentType = "image/png" } },
        }), ("X-Api-Key", "minwon-demo-sms-key"));

        // The three conversations reach the counsellor as offers (the bot is off on this server); each is accepted.
        var ids = new Dictionary<string, string>();
        foreach (var topic in new[] { "네이버 톡톡 상담", "카카오톡 상담", "문자 상담" })
        {
            var offer = page.Locator("li.offered").Filter(new() { HasText = topic });
            await Expect(offer).ToHaveCountAsync(1, new() { Timeout = 60_000 });
            ids[topic] = (await offer.GetAttributeAsync("data-conversation"))!;
            await offer.GetByRole(AriaRole.Button, new() { Name = "수락" }).ClickAsync();
            await Expect(page.Locator($"li[data-conversation='{ids[topic]}']:not(.offered)")).ToHaveCountAsync(1);
        }

        // The counsellor checked with the citizen that the three are one person and links them (the link itself is
        // ContactLinkBrowserTests' subject; here through the API, by contact id).
        var contacts = new Dictionary<string, string>();
        foreach (var (topic, id) in ids)
        {
            var detail = await api.GetAsync(new Uri(server.BaseUrl, $"/api/conversations/{id}").ToString());
            Assert.True(detail.Ok, $"GET conversation: {detail.Status}");
            using var json = JsonDocument.Parse(await detail.TextAsync());
            contacts[topic] = json.RootElement.GetProperty("conversation").GetProperty("contactId").GetString()!;
        }

        foreach (var other in new[] { "네이버 톡톡 상담", "카카오톡 상담" })
        {
            var link = await api.PostAsync(new Uri(server.BaseUrl, $"/api/contacts/{contacts["문자 상담"]}/links").ToString(),
                new() { DataObject = new { otherContactId = contacts[other], reason = "문자로 보낸 확인번호 확인" } });
            Assert.True(link.Status == 201, $"link: {link.Status} {await link.TextAsync()}");
        }

        // The history panel reads the links when a conversation is opened: another one first, then the text message.
        await page.Locator($"li[data-conversation='{ids["카카오톡 상담"]}'] button.conv-open").ClickAsync();
        await Expect(page.Locator($".contact-history[data-contact='{contacts["카카오톡 상담"]}']")).ToHaveCountAsync(1);
        await page.Locator($"li[data-conversation='{ids["문자 상담"]}'] button.conv-open").ClickAsync();
        await Expect(page.Locator($".contact-history[data-contact='{contacts["문자 상담"]}']")).ToHaveCountAsync(1);
        var photos = page.Locator(".channel-photos");
        await Expect(photos.Locator("h2")).ToHaveTextAsync("시민이 보낸 사진 (1)");
        var image = photos.Locator("img");
        await Expect(image).ToHaveAttributeAsync("alt", new System.Text.RegularExpressions.Regex("^시민이 문자로 보낸 사진 1 \\(.*PNG.*\\)\\. 함께 보낸 글: \"꺼진 가로등 사진입니다\"$"));
        await Expect(image).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("^/api/channels/photos/\\d+$"));
        // Loaded and decoded by the browser (the desk's own session; the endpoint checks who may see the conversation).
        var size = await image.EvaluateAsync<int[]>("async img => { await img.decode(); return [img.naturalWidth, img.naturalHeight]; }");
        Assert.Equal([96, 64], size);
        Assert.Equal(1, media.Requests);

        var history = page.Locator(".contact-history");
        foreach (var (channel, icon, label) in new[] { ("talktalk", "N", "네이버 톡톡"), ("kakao", "K", "카카오톡") })
        {
            var line = history.Locator($"li[data-channel='{channel}']");
            await Expect(line).ToHaveCountAsync(1);
            await Expect(line.Locator(".channel-badge")).ToHaveTextAsync(icon);
            await Expect(line.Locator(".channel-badge")).ToHaveAttributeAsync("aria-hidden", "true");
            await Expect(line.Locator(".channel-label")).ToHaveTextAsync(label);
            await Expect(line.Locator(".linked-mark")).ToHaveTextAsync("연결된 연락처");
        }

        await Expect(history.Locator(".linked-contacts li")).ToHaveCountAsync(2);
        await Expect(history).Not.ToContainTextAsync(phone);
        await E2EFixture.ScreenshotAsync(page, "desk-sms-photo");

        // Another counsellor's session cannot open the photo (the same URL from a fresh staff context).
        await using var otherContext = await fixture.StaffAsync(server.BaseUrl);
        var otherPage = await otherContext.NewPageAsync();
        await StaffDesk.SignInAsync(otherPage, "counsellor2", "minwon-demo-2", "/desk");
        var src = await image.GetAttributeAsync("src");
        var refused = await otherPage.Context.APIRequest.GetAsync(new Uri(server.BaseUrl, src).ToString());
        Assert.Equal(404, refused.Status);
    }

    private static async Task PostAsync(IAPIRequestContext api, Uri url, string json, params (string Name, string Value)[] headers)
    {
        var response = await api.PostAsync(url.ToString(), new()
        {
            Headers = headers.Select(h => KeyValuePair.Create(h.Name, h.Value)).Append(KeyValuePair.Create("Content-Type", "application/json")),
            DataString = json,
        });
        Assert.True(response.Status is 200 or 202, $"POST {url.AbsolutePath}: {response.Status} {await response.TextAsync()}");
    }

    /// <summary>A PNG of <paramref name="width"/> × <paramref name="height"/> (a street-light yellow on night blue), made here.</summary>
    private static byte[] Png(int width, int height)
    {
        var raw = new byte[height * (1 + width * 3)];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var lamp = (x - width / 2) * (x - width / 2) + (y - height / 3) * (y - height / 3) < 150;
                var at = y * (1 + width * 3) + 1 + x * 3;
                (raw[at], raw[at + 1], raw[at + 2]) = lamp ? ((byte)250, (byte)210, (byte)60) : ((byte)20, (byte)30, (byte)70);
            }
        }

        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        (header[8], header[9]) = (8, 2);
        Chunk(png, "IHDR", header);
        using (var compressed = new MemoryStream())
        {
            using (var z = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            {
                z.Write(raw);
            }

            Chunk(png, "IDAT", compressed.ToArray());
        }

        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(length, Crc32(typed));
        png.Write(length);
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }

    /// <summary>A stand-in for the SMS gateway's media store: serves the one photo at any path on a free loopback port.</summary>
    private sealed class MediaStore : IDisposable
    {
        private readonly HttpListener listener = new();
        private readonly byte[] photo;
        private int requests;

        public MediaStore(byte[] photo)
        {
            this.photo = photo;
            Url = new Uri($"http://127.0.0.1:{MinwonServer.FreePort()}/");
            listener.Prefixes.Add(Url.ToString());
            listener.Start();
            _ = ServeAsync();
        }

        public Uri Url { get; }

        public int Requests => Volatile.Read(ref requests);

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

                Interlocked.Increment(ref requests);
                context.Response.ContentType = "image/png";
                context.Response.ContentLength64 = photo.Length;
                await context.Response.OutputStream.WriteAsync(photo);
                context.Response.Close();
            }
        }

        public void Dispose() => listener.Close();
    }
}
