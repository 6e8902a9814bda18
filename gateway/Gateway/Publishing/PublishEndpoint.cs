using Gateway.Authentication;
using Gateway.CloudEvents;
using Gateway.Drivers;
using Gateway.Pubsub;
using Gateway.Telemetry;

namespace Gateway.Publishing;

/// <summary>
/// <c>POST|PUT /v1.0/publish/{pubsub}/{topic...}</c>, in Dapr's processing order (spec/dapr-pubsub.md §2.2):
/// pubsub lookup, topic, body, <c>rawPayload</c>, CloudEvent, scope check, broker; 204 only after the
/// broker has the message.
/// </summary>
internal sealed class PublishEndpoint(ComponentRegistry registry, TopicPublisher publisher, GatewayTracing tracing, TimeProvider timeProvider)
{
    public async Task HandleAsync(HttpContext context, PublishRoute route, Caller caller, string rawTarget)
    {
        var metadata = PublishQuery.ReadMetadata(rawTarget);
        var span = tracing.Enabled
            ? tracing.StartPublish(route.PubsubName, route.Topic, caller.AppId, TraceContext.TraceParent(context.Request), TraceContext.TraceState(context.Request))
            : null;
        DaprError? result;
        try
        {
            result = await PublishAsync(context, route, caller, metadata, span);
        }
        catch (Exception ex) when (span is not null)
        {
            GatewayTracing.Finish(span, "exception", ex.Message);
            throw;
        }

        if (span is not null)
        {
            GatewayTracing.Finish(span, result is null ? "stored" : result.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture), result?.Message);
        }

        if (result is null)
        {
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }

        await result.WriteAsync(context.Response);
    }

    private async Task<DaprError?> PublishAsync(HttpContext context, PublishRoute route, Caller caller, Dictionary<string, string> metadata, System.Diagnostics.Activity? span)
    {
        var component = registry.Find(caller.Namespace, caller.AppId, route.PubsubName);
        if (component is null)
        {
            return DaprErrors.PubsubNotFound(route.PubsubName, metadata);
        }

        GatewayTracing.SetComponent(span, component);

        if (route.Topic.Length == 0)
        {
            return DaprErrors.TopicEmpty(route.PubsubName, metadata);
        }

        var body = await RequestBody.ReadAsync(context.Request, context.RequestAborted);
        if (body is null)
        {
            return DaprErrors.BodyTooLarge(route.PubsubName, route.Topic, RequestBody.LimitOf(context.Request));
        }

        if (!RawPayload.TryRead(metadata, out var raw, out var rawValue))
        {
            return DaprErrors.RawPayloadNotBoolean(route.PubsubName, rawValue, metadata);
        }

        var contentType = context.Request.ContentType;
        ReadOnlyMemory<byte> data = body;
        if (!raw)
        {
            var binaryModeHeaders = BinaryModeHeaders(context.Request, out var repeated);
            if (repeated is not null)
            {
                return DaprErrors.InvalidCloudEvent(component.Name, caller.AppId,
                    $"header '{repeated}' appears more than once; each CloudEvents attribute must appear at most once");
            }

            var envelope = DaprEnvelope.Create(new EnvelopeRequest(
                body, contentType, binaryModeHeaders, caller.AppId, component.Name, route.Topic,
                metadata,
                span is null ? TraceContext.TraceParent(context.Request) : GatewayTracing.TraceParentOf(span),
                span is null ? TraceContext.TraceState(context.Request) : span.TraceStateString ?? "",
                timeProvider.GetUtcNow()));
            if (envelope.Error is { } error)
            {
                return DaprErrors.FromEnvelope(error, component.Name, caller.AppId);
            }

            data = envelope.Bytes!;
            contentType = CloudEventMediaTypes.StructuredJson;
        }
        else
        {
            contentType = null;
        }

        return await publisher.PublishAsync(component, caller, new PublishRequest(route.Topic, data, contentType, metadata), context.RequestAborted);
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
