using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Minwon.Server.Tests.Testing;

/// <summary>Keeps the app's warnings and errors, so a test can check that bad input is logged clearly (and without stack traces).</summary>
public sealed class TestLogSink : ILoggerProvider
{
    public ConcurrentQueue<(LogLevel Level, string Category, string Message, Exception? Exception)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    public IEnumerable<string> Lines(LogLevel atLeast = LogLevel.Warning) =>
        Entries.Where(e => e.Level >= atLeast).Select(e => $"{e.Level} {e.Category}: {e.Message}");

    private sealed class Logger(TestLogSink sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel) && sink.Entries.Count < 20_000)
            {
                sink.Entries.Enqueue((logLevel, category, formatter(state, exception), exception));
            }
        }
    }
}
