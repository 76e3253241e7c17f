using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Minwon.Server.Features.Voice.Transports;

/// <summary>
/// The Asterisk AudioSocket server: a TCP listener on Minwon:Voice:AudioSocket:Listen (default 127.0.0.1:9092);
/// each connection is one call (<see cref="AudioSocketConnection"/>). Reported by /health/ready.
/// </summary>
public sealed partial class AudioSocketListener(CallManager calls, IOptions<VoiceOptions> options, ILogger<AudioSocketListener> logger)
    : BackgroundService
{
    private readonly ConcurrentDictionary<Task, byte> connections = new();
    private readonly TaskCompletionSource started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Where it listens once started (port 0 in the setting becomes the port the system chose).</summary>
    public IPEndPoint? Endpoint { get; private set; }

    public string? Failure { get; private set; }

    public bool Disabled => string.IsNullOrWhiteSpace(options.Value.AudioSocket.Listen) || !options.Value.Enabled;

    /// <summary>Connections being served now (a test checks that none leak).</summary>
    public int ActiveConnections => connections.Count;

    /// <summary>Completes once the listener is bound (or has failed or is disabled).</summary>
    public Task Started => started.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Disabled)
        {
            started.TrySetResult();
            return;
        }

        TcpListener listener;
        try
        {
            listener = new TcpListener(ParseEndpoint(options.Value.AudioSocket.Listen));
            listener.Start(backlog: 512);
            Endpoint = (IPEndPoint)listener.LocalEndpoint;
            LogListening(Endpoint.ToString());
        }
        catch (Exception ex) when (ex is SocketException or FormatException)
        {
            Failure = ex.Message;
            LogCannotListen(options.Value.AudioSocket.Listen, ex.Message);
            started.TrySetResult();
            return;
        }

        started.TrySetResult();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var client = await listener.AcceptTcpClientAsync(stoppingToken);
                var connection = new AudioSocketConnection(client, calls, options.Value, logger);
                var task = Task.Run(() => connection.RunAsync(stoppingToken), CancellationToken.None);
                connections[task] = 0;
                _ = task.ContinueWith(t => connections.TryRemove(t, out _), TaskScheduler.Default);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            listener.Stop();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await Task.WhenAll(connections.Keys).WaitAsync(TimeSpan.FromSeconds(5), cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    public static IPEndPoint ParseEndpoint(string listen)
    {
        var text = listen.Trim();
        if (text.StartsWith("localhost:", StringComparison.OrdinalIgnoreCase))
        {
            text = "127.0.0.1:" + text["localhost:".Length..];
        }

        return IPEndPoint.TryParse(text, out var endpoint) && text.Contains(':')
            ? endpoint
            : throw new FormatException($"Minwon:Voice:AudioSocket:Listen must be host:port, e.g. 127.0.0.1:9092 (was \"{listen}\").");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "AudioSocket listening on {Endpoint}")]
    private partial void LogListening(string endpoint);

    [LoggerMessage(Level = LogLevel.Error, Message = "AudioSocket cannot listen on {Listen}: {Reason}")]
    private partial void LogCannotListen(string listen, string reason);
}
