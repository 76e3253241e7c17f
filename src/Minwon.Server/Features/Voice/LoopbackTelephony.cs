using System.Net;

namespace Minwon.Server.Features.Voice;

/// <summary>
/// Development only: a Media Streams connection from this machine (loopback) is accepted without the API key, so a
/// check run next to `./minwon serve` can connect "as a carrier would" with nothing configured. Logged as a warning
/// once per process. Every other environment keeps requiring the key; behind a reverse proxy on the same host every
/// connection looks local, which is why this never applies outside Development.
/// </summary>
public sealed partial class LoopbackTelephony(IHostEnvironment environment, ILogger<LoopbackTelephony> logger)
{
    private int warned;

    public bool Allows(HttpContext http)
    {
        if (!environment.IsDevelopment() || http.Connection.RemoteIpAddress is not { } address)
        {
            return false;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (!IPAddress.IsLoopback(address))
        {
            return false;
        }

        if (Interlocked.Exchange(ref warned, 1) == 0)
        {
            LogAccepted();
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Development: a media stream from this machine was accepted without the voice API key (loopback only; other environments require Minwon:Voice:ApiKey)")]
    private partial void LogAccepted();
}
