using System.Text.Json;
using Microsoft.Extensions.Logging.Console;

namespace Gateway.Hosting;

/// <summary>
/// The console log format of <c>gateway run</c> (<c>--log-format</c>, <c>Gateway:LogFormat</c>): <c>text</c>,
/// one line per event with a local timestamp, or <c>json</c>, one JSON object per line with <c>Timestamp</c>
/// (UTC, ISO 8601), <c>EventId</c>, <c>LogLevel</c>, <c>Category</c>, <c>Message</c> and <c>State</c> (the
/// event's structured values, such as <c>AppId</c> and <c>SpiffeId</c>).
/// </summary>
internal static class ConsoleLogFormat
{
    public const string Text = "text";
    public const string Json = "json";

    public static bool IsJson(string? format) => string.Equals(format, Json, StringComparison.OrdinalIgnoreCase);

    /// <summary>Null when <paramref name="format"/> is known, else the error to show.</summary>
    public static string? Check(string? format) =>
        format is null || IsJson(format) || string.Equals(format, Text, StringComparison.OrdinalIgnoreCase)
            ? null
            : $"log format '{format}' (--log-format or Gateway:LogFormat) is not known; use text or json";

    public static void Configure(ILoggingBuilder logging, string? format)
    {
        logging.ClearProviders();
        if (IsJson(format))
        {
            logging.AddJsonConsole(console =>
            {
                console.UseUtcTimestamp = true;
                console.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";
                console.IncludeScopes = false;
                console.JsonWriterOptions = new JsonWriterOptions { Indented = false };
            });
            return;
        }

        logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss ";
        });
    }
}
