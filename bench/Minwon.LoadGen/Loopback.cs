using System.Net;

namespace Minwon.LoadGen;

/// <summary>The generator only ever talks to this machine: a load test must not be pointable at someone else's server.</summary>
public static class Loopback
{
    public static Uri Require(Uri uri)
    {
        if (!IsLoopbackHost(uri.Host))
        {
            throw new ArgumentException($"Refusing non-loopback address {uri.Host}; the load generator runs on 127.0.0.1 only.");
        }

        return uri;
    }

    public static void RequirePostgres(string connectionString)
    {
        foreach (var part in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var kv = part.Split('=', 2, StringSplitOptions.TrimEntries);
            if (kv.Length == 2 && kv[0].ToLowerInvariant() is "host" or "server")
            {
                foreach (var host in kv[1].Split(','))
                {
                    var name = host.Split(':')[0];
                    if (!name.StartsWith('/') && !IsLoopbackHost(name))
                    {
                        throw new ArgumentException($"Refusing non-loopback PostgreSQL host {name}.");
                    }
                }
            }
        }
    }

    /// <summary>StackExchange.Redis form: <c>host:port[,option=value…]</c>.</summary>
    public static void RequireRedis(string configuration)
    {
        foreach (var part in configuration.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!part.Contains('=', StringComparison.Ordinal))
            {
                var host = part.StartsWith('[') ? part[..(part.IndexOf(']') + 1)] : part.Split(':')[0];
                if (!IsLoopbackHost(host))
                {
                    throw new ArgumentException($"Refusing non-loopback Redis host {host}.");
                }
            }
        }
    }

    private static bool IsLoopbackHost(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip);

    public static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
