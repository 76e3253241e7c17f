using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace Minwon.Server.Features.Languages;

/// <summary>
/// <see cref="ITranslator"/> over HTTP: the LibreTranslate API or an OpenAI-compatible chat completion, per
/// <see cref="TranslationOptions.Provider"/>. A failure (down, slow, refused, malformed) is logged and answers null, so
/// the bot falls back to a counsellor with the language skill instead of showing an error.
/// </summary>
public sealed partial class HttpTranslator(HttpClient http, IOptions<TranslationOptions> options, ILogger<HttpTranslator> logger) : ITranslator
{
    public bool IsEnabled => options.Value.IsEnabled;

    public async Task<string?> TranslateAsync(string text, string from, string to, CancellationToken ct)
    {
        var o = options.Value;
        if (!o.IsEnabled || string.IsNullOrWhiteSpace(text) || from == to)
        {
            return null;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(o.TimeoutSeconds));
        try
        {
            var translated = o.Provider == "openai"
                ? await ChatCompletionAsync(o, text, from, to, timeout.Token)
                : await LibreTranslateAsync(o, text, from, to, timeout.Token);
            return string.IsNullOrWhiteSpace(translated) ? null : translated.Trim();
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or OperationCanceledException or InvalidOperationException && !ct.IsCancellationRequested)
        {
            LogFailed(logger, o.Provider, from, to, e.GetType().Name);
            return null;
        }
    }

    private async Task<string?> LibreTranslateAsync(TranslationOptions o, string text, string from, string to, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync(o.Url.TrimEnd('/') + "/translate",
            new { q = text, source = from, target = to, format = "text", api_key = o.ApiKey }, ct);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(ct);
        return body?["translatedText"]?.GetValue<string>();
    }

    private async Task<string?> ChatCompletionAsync(TranslationOptions o, string text, string from, string to, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, o.Url.TrimEnd('/') + "/v1/chat/completions")
        {
            Content = JsonContent.Create(new
            {
                model = o.Model,
                temperature = 0,
                messages = new object[]
                {
                    new { role = "system", content = $"Translate the user's text from language '{from}' to language '{to}'. Reply with the translation only." },
                    new { role = "user", content = text },
                },
            }),
        };
        if (o.ApiKey.Length > 0)
        {
            request.Headers.Authorization = new("Bearer", o.ApiKey);
        }

        using var response = await http.SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(ct);
        return body?["choices"]?[0]?["message"]?["content"]?.GetValue<string>();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Machine translation by {Provider} from {From} to {To} failed ({Error}); falling back")]
    private static partial void LogFailed(ILogger logger, string provider, string from, string to, string error);
}
