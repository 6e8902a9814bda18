using Gateway.Authentication;

namespace Gateway.Publishing;

/// <summary>
/// <c>POST|PUT /v1.0/publish/{pubsub}/{topic...}</c>: reads the HTTP request into a publish for
/// <see cref="PublishService"/> (metadata from the query, the body, its content type, <c>ce-*</c> headers,
/// trace context) and writes the answer, 204 only after the broker has the message.
/// </summary>
internal sealed class PublishEndpoint(PublishService publisher, RequestBodyReader bodies)
{
    public async Task HandleAsync(HttpContext context, PublishRoute route, Caller caller, string rawTarget)
    {
        var request = context.Request;
        var operation = publisher.Start(new PublishCall(
            caller, route.PubsubName, route.Topic, PublishQuery.ReadMetadata(rawTarget), TraceContext.TraceParent(request), TraceContext.TraceState(request)));
        DaprError? result;
        try
        {
            result = operation.Error ?? await PublishAsync(context, operation);
        }
        catch (Exception ex)
        {
            operation.Fail(ex);
            throw;
        }

        operation.Finish(result);
        if (result is null)
        {
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }

        await result.WriteAsync(context.Response);
    }

    private async Task<DaprError?> PublishAsync(HttpContext context, PublishOperation operation)
    {
        var read = await bodies.ReadAsync(context.Request);
        if (read.Bytes is not { } body)
        {
            return DaprErrors.BodyNotRead(operation.Call.PubsubName, operation.Call.Topic, read);
        }

        var binaryModeHeaders = BinaryModeHeaders(context.Request, out var repeated);
        return await publisher.PublishAsync(operation, new PublishContent(body, context.Request.ContentType, binaryModeHeaders, repeated), context.RequestAborted);
    }

    /// <summary>The <c>ce-*</c> headers (null when none), and the first one given more than once.</summary>
    private static Dictionary<string, string>? BinaryModeHeaders(HttpRequest request, out string? repeated)
    {
        repeated = null;
        Dictionary<string, string>? headers = null;
        foreach (var header in request.Headers)
        {
            if (header.Key.StartsWith("ce-", StringComparison.OrdinalIgnoreCase))
            {
                if (header.Value.Count > 1)
                {
                    repeated ??= header.Key;
                }

                headers ??= new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                headers[header.Key] = header.Value.ToString();
            }
        }

        return headers;
    }
}
