using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Gateway.Drivers.Tests.Redis;

/// <summary>Keeps every event a driver logs (id and message), to assert what was logged and what was not.</summary>
internal sealed class RecordingLoggerFactory : ILoggerFactory
{
    private readonly ConcurrentQueue<(int EventId, string Message)> _events = new();

    public IReadOnlyList<(int EventId, string Message)> Events => [.. _events];

    public IReadOnlyList<string> Messages(int eventId) => [.. _events.Where(e => e.EventId == eventId).Select(e => e.Message)];

    public ILogger CreateLogger(string categoryName) => new Recorder(_events);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class Recorder(ConcurrentQueue<(int, string)> events) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            events.Enqueue((eventId.Id, formatter(state, exception)));
    }
}
