using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Minwon.Server.Features.VisualArs;

namespace Minwon.Server.Tests.VisualArs;

/// <summary>The generic HTTP SMS adapter against a real local Kestrel stub standing in for a provider.</summary>
public sealed class HttpSmsGatewayTests : IAsyncLifetime
{
    private readonly List<(string Body, string? Key)> received = [];
    private WebApplication? stub;
    private int status = 200;
    private string url = "";

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        stub = builder.Build();
        stub.MapPost("/v1/messages", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            lock (received)
            {
                received.Add((reader.ReadToEndAsync().GetAwaiter().GetResult(), http.Request.Headers["X-Provider-Key"].ToString()));
            }

            http.Response.StatusCode = status;
            await http.Response.WriteAsync("{}");
        });
        await stub.StartAsync(TestContext.Current.CancellationToken);
        url = stub.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/v1/messages";
    }

    private HttpSmsGateway Gateway(Action<HttpSmsOptions>? configure = null)
    {
        var options = new ArsOptions { SmsProvider = "http", Sms = new HttpSmsOptions { Url = url, From = "120", ToField = "receiver", TextField = "msg", FromField = "sender" } };
        options.Sms.Headers["X-Provider-Key"] = "provider-secret";
        configure?.Invoke(options.Sms);
        return new HttpSmsGateway(new HttpClient(), Options.Create(options), NullLogger<HttpSmsGateway>.Instance);
    }

    [Fact]
    public async Task Posts_the_message_as_json_with_the_configured_field_names_and_headers()
    {
        await Gateway().SendAsync("010-1234-5678", "[서울시 120] 보이는 ARS: https://example/ars/l/x", TestContext.Current.CancellationToken);

        var (body, key) = Assert.Single(received);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("010-1234-5678", json.RootElement.GetProperty("receiver").GetString());
        Assert.Equal("120", json.RootElement.GetProperty("sender").GetString());
        Assert.StartsWith("[서울시 120]", json.RootElement.GetProperty("msg").GetString());
        Assert.Equal("provider-secret", key);
    }

    [Fact]
    public async Task Reports_a_refusal_by_the_provider()
    {
        status = 500;

        await Assert.ThrowsAsync<SmsDeliveryException>(() => Gateway().SendAsync("010-1234-5678", "x", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Reports_an_unreachable_provider()
    {
        var gateway = Gateway(o => o.Url = "http://127.0.0.1:1/v1/messages");

        await Assert.ThrowsAsync<SmsDeliveryException>(() => gateway.SendAsync("010-1234-5678", "x", TestContext.Current.CancellationToken));
    }

    public async ValueTask DisposeAsync()
    {
        if (stub is not null)
        {
            await stub.DisposeAsync();
        }
    }
}
