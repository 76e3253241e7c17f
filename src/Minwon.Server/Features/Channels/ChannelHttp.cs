using System.Net;
using System.Text;
using System.Text.Json;

namespace Minwon.Server.Features.ChannelAdapters;

/// <summary>
/// Sends one JSON request to a provider's API (the SMS gateway, a messenger) and turns its answer into success or a
/// <see cref="ChannelSendException"/>: the body serialized up front (Content-Length, no chunking; Hangul unescaped, as
/// providers may count or log the raw body).
/// </summary>
public static class ChannelHttp
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>POSTs <paramref name="body"/>; returns the answer's body on 2xx. 5xx, 408, 429, timeouts and no connection are transient.</summary>
    public static async Task<string> PostAsync(HttpClient http, string name, string url, Action<HttpRequestMessage> authorize, object body,
        int timeoutSeconds, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            throw new ChannelSendException($"{name}: no send URL is set", transient: true);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(JsonSerializer.Serialize(body, Json), Encoding.UTF8, "application/json"),
        };
        authorize(request);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(Math.Max(1, timeoutSeconds)));
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, timeout.Token);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ChannelSendException($"{name} did not answer in time", transient: true, e);
        }
        catch (HttpRequestException e)
        {
            throw new ChannelSendException($"{name} could not be reached", transient: true, e);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                var retry = status >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;
                throw new ChannelSendException($"{name} answered {status}", retry);
            }

            return await response.Content.ReadAsStringAsync(cancellationToken);
        }
    }
}
