using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Gateway.Tests.TestSupport;

/// <summary>One structured log event: its id, level, and named properties; <paramref name="ExceptionText"/> is the logged exception's <c>ToString()</c>.</summary>
internal sealed record RecordedLog(int EventId, LogLevel Level, string Category, IReadOnlyDictionary<string, string?> Properties, string Message, string? ExceptionText = null);

/// <summary>Keeps every log event of a host so tests can assert on structured logging.</summary>
internal sealed class RecordingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<RecordedLog> _events = new();

    public IReadOnlyList<RecordedLog> Events => [.. _events];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _events);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<RecordedLog> events) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var properties = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.ToDictionary(pair => pair.Key, pair => pair.Value?.ToString())
                : new Dictionary<string, string?>();
            events.Enqueue(new RecordedLog(eventId.Id, logLevel, category, properties, formatter(state, exception), exception?.ToString()));
        }
    }
}
