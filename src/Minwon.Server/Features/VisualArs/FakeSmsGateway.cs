using Minwon.Core.Korean;

namespace Minwon.Server.Features.VisualArs;

/// <summary>
/// Development stand-in: sends nothing, logs a masked number, and keeps the last messages in memory so a
/// developer or a test can open the link. Never use it in production: citizens would receive nothing.
/// </summary>
public sealed partial class FakeSmsGateway(ILogger<FakeSmsGateway> logger) : ISmsGateway
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<(string Phone, string Text)> sent = new();

    public IReadOnlyList<(string Phone, string Text)> Sent => [.. sent];

    public Task SendAsync(string phoneNumber, string text, CancellationToken cancellationToken)
    {
        sent.Enqueue((phoneNumber, text));
        while (sent.Count > 100)
        {
            sent.TryDequeue(out _);
        }

        LogFakeSms(logger, KoreanPhone.Mask(phoneNumber), text.Length);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "FAKE SMS gateway: not sent to {MaskedPhone} ({Length} characters). Configure Minwon:Ars:SmsProvider=http for real delivery.")]
    private static partial void LogFakeSms(ILogger logger, string maskedPhone, int length);
}
