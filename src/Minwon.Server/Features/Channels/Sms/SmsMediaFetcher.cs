using Minwon.Core.VisualArs;
using Microsoft.Extensions.Options;

namespace Minwon.Server.Features.ChannelAdapters.Sms;

/// <summary>
/// Fetches an MMS's images from the gateway's URLs and checks them like visual ARS uploads: the type from the file's
/// own first bytes (JPEG, PNG, WebP, HEIC; the declared type is not trusted) and at most Sms:MaxMediaBytes. A refused
/// file gives a Korean line for the citizen.
/// </summary>
public sealed class SmsMediaFetcher(HttpClient http, IOptions<ChannelOptions> options)
{
    public async Task<(byte[]? Content, string? Refusal)> FetchAsync(Uri url, CancellationToken cancellationToken)
    {
        var max = options.Value.Sms.MaxMediaBytes;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(Math.Max(1, options.Value.Sms.TimeoutSeconds)));
        try
        {
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                return (null, "첨부파일을 내려받지 못했습니다.");
            }

            if (response.Content.Headers.ContentLength > max)
            {
                return (null, TooLarge(max));
            }

            await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, timeout.Token)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > max)
                {
                    return (null, TooLarge(max));
                }
            }

            var content = buffer.ToArray();
            return content.Length == 0 ? (null, "빈 첨부파일은 받을 수 없습니다.")
                : ImageSniffer.Detect(content.AsSpan(0, Math.Min(content.Length, ImageSniffer.HeaderLength))) is null
                    ? (null, "사진(JPEG, PNG, HEIC, WebP)만 받을 수 있습니다.")
                    : (content, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, "첨부파일을 내려받지 못했습니다.");
        }
        catch (HttpRequestException)
        {
            return (null, "첨부파일을 내려받지 못했습니다.");
        }
    }

    private static string TooLarge(long max) => $"사진은 {max / 1024:N0}KB 이하만 받을 수 있습니다.";
}
