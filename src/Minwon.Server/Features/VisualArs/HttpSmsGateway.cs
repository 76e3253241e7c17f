using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace Minwon.Server.Features.VisualArs;

/// <summary>
/// Sends through any SMS provider that takes a JSON POST (most Korean bulk SMS APIs do): URL, headers (API keys)
/// and field names come from configuration, so no provider-specific code is needed.
/// </summary>
public sealed partial class HttpSmsGateway(HttpClient http, IOptions<ArsOptions> options, ILogger<HttpSmsGateway> logger) : ISmsGateway
{
    public async Task SendAsync(string phoneNumber, string text, CancellationToken cancellationToken)
    {
        var o = options.Value.Sms;
        if (string.IsNullOrWhiteSpace(o.Url))
        {
            throw new SmsDeliveryException("Minwon:Ars:Sms:Url is not set.");
        }

        var body = new JsonObject { [o.ToField] = phoneNumber, [o.TextField] = text };
        if (!string.IsNullOrEmpty(o.From))
        {
            body[o.FromField] = o.From;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, o.Url) { Content = JsonContent.Create(body) };
        foreach (var (name, value) in o.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            LogFailed(logger, 0);
            throw new SmsDeliveryException("The SMS provider could not be reached.", e);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                LogFailed(logger, (int)response.StatusCode);
                throw new SmsDeliveryException($"The SMS provider answered {(int)response.StatusCode}.");
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "SMS provider refused a message (HTTP {Status}).")]
    private static partial void LogFailed(ILogger logger, int status);
}
