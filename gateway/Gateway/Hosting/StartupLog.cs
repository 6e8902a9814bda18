using Gateway.Drivers;

namespace Gateway.Hosting;

/// <summary>What <c>gateway run</c> tells once it listens, as log events when the log format is JSON.</summary>
internal static partial class StartupLog
{
    [LoggerMessage(EventId = EventIds.StartupLog.Listening, Level = LogLevel.Information, Message = "gateway listening on {Address} as {SpiffeId}")]
    public static partial void Listening(ILogger logger, string address, string spiffeId);

    [LoggerMessage(EventId = EventIds.StartupLog.Metrics, Level = LogLevel.Information, Message = "gateway metrics on {Address}")]
    public static partial void Metrics(ILogger logger, string address);
}
