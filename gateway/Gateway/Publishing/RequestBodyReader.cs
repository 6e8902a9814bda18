using Gateway.Drivers;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Features;

namespace Gateway.Publishing;

/// <summary>
/// Reads a request body whole, telling what went wrong when it could not: over the size limit (413), or a
/// client fault such as a body sent too slowly (408) or cut off. Client faults are expected on a shared
/// gateway and are logged once at debug level, never as unhandled exceptions an app could flood the log with.
/// </summary>
internal sealed partial class RequestBodyReader(ILogger<RequestBodyReader> logger)
{
    /// <summary>The largest body Kestrel accepts for this request (long.MaxValue when unlimited).</summary>
    public static long LimitOf(HttpRequest request) =>
        request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? long.MaxValue;

    public async ValueTask<BodyRead> ReadAsync(HttpRequest request)
    {
        var limit = LimitOf(request);
        if (request.ContentLength > limit)
        {
            return BodyRead.TooLarge(limit);
        }

        try
        {
            if (request.ContentLength is { } length && length <= Array.MaxLength)
            {
                // Kestrel ends the body at Content-Length, so one exact-size read is the whole body.
                var exact = new byte[length];
                await request.Body.ReadExactlyAsync(exact, request.HttpContext.RequestAborted);
                return new BodyRead(exact, 0, "");
            }

            using var buffer = new MemoryStream(256);
            await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
            return new BodyRead(buffer.ToArray(), 0, "");
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return BodyRead.TooLarge(limit);
        }
        catch (BadHttpRequestException ex)
        {
            return Fault(request, ex.StatusCode, ex.Message);
        }
        catch (Exception ex) when (ex is IOException or ConnectionResetException or OperationCanceledException or EndOfStreamException)
        {
            return Fault(request, StatusCodes.Status400BadRequest, $"the request body was cut off: {ex.Message}");
        }
    }

    private BodyRead Fault(HttpRequest request, int status, string reason)
    {
        LogClientFault(logger, request.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "?", status, reason);
        return new BodyRead(null, status, reason);
    }

    [LoggerMessage(EventId = EventIds.RequestBodyReader.ClientFault, Level = LogLevel.Debug, Message = "Request body from {RemoteAddress} not read ({Status}): {Reason}")]
    private static partial void LogClientFault(ILogger logger, string remoteAddress, int status, string reason);
}
