using Microsoft.AspNetCore.Http.Features;

namespace Gateway.Publishing;

/// <summary>Reads a request body whole, telling an over-size body apart from other failures.</summary>
internal static class RequestBody
{
    /// <summary>The largest body Kestrel accepts for this request (long.MaxValue when unlimited).</summary>
    public static long LimitOf(HttpRequest request) =>
        request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? long.MaxValue;

    /// <summary>Returns the body, or null when it is larger than Kestrel's configured limit.</summary>
    public static async ValueTask<byte[]?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > LimitOf(request))
        {
            return null;
        }

        try
        {
            if (request.ContentLength is { } length && length <= Array.MaxLength)
            {
                // Kestrel ends the body at Content-Length, so one exact-size read is the whole body.
                var exact = new byte[length];
                await request.Body.ReadExactlyAsync(exact, cancellationToken);
                return exact;
            }

            using var buffer = new MemoryStream(256);
            await request.Body.CopyToAsync(buffer, cancellationToken);
            return buffer.ToArray();
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
    }
}
